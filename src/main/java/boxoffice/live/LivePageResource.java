package boxoffice.live;

import boxoffice.docs.StaticFiles;
import boxoffice.refusals.EventNotFoundException;
import boxoffice.service.EventService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The live seat page: {@code GET /events/{id}/live} (static HTML; for an unknown event an HTML 404 page to a browser,
 * the API's JSON 404 to any other client) and its script and style under {@code /live/}, all from the jar, no CDN. The script draws the event from the public API and follows
 * {@code /availability}.
 */
@Path("/")
public final class LivePageResource {
    private static final String FOLDER = "live/";
    private static final Map<String, String> ASSETS = Map.of(
            "live.js", "text/javascript; charset=utf-8",
            "live.css", "text/css; charset=utf-8");
    private static final CacheControl SHORT = StaticFiles.cacheFor(60);
    private static final String HTML = MediaType.TEXT_HTML + "; charset=utf-8";

    private final EventService events;
    private final byte[] page;
    private final byte[] notFound;
    private final Map<String, byte[]> assets;

    /** Reads the files now, so a missing one stops the service at start-up, not at the first visitor. */
    LivePageResource(EventService events) {
        this.events = events;
        this.page = StaticFiles.read(FOLDER + "live.html");
        this.notFound = StaticFiles.read(FOLDER + "not-found.html");
        this.assets = Map.of("live.js", StaticFiles.read(FOLDER + "live.js"),
                "live.css", StaticFiles.read(FOLDER + "live.css"));
    }

    /** JSON only for a client that asks for no HTML: it gets the API's 404, and for a known event a 406. */
    @GET
    @Path("events/{event_id}/live")
    @Produces({HTML, MediaType.APPLICATION_JSON + "; qs=0.5"})
    public Response page(@PathParam("event_id") String eventId, @Context HttpHeaders headers) {
        boolean browser = headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> type.isCompatible(MediaType.TEXT_HTML_TYPE));
        try {
            events.get(eventId);
        } catch (EventNotFoundException unknown) {
            if (browser) {
                return Response.status(Response.Status.NOT_FOUND).entity(notFound).type(HTML).build();
            }
            throw unknown;
        }
        if (!browser) {
            throw new NotAcceptableException("The live page is HTML; the event's data is under /api/v1/events/");
        }
        return Response.ok(page, HTML).cacheControl(SHORT).build();
    }

    @GET
    @Path("live/{asset}")
    public Response asset(@PathParam("asset") String asset) {
        String type = ASSETS.get(asset);
        if (type == null) {
            throw new NotFoundException();
        }
        return Response.ok(assets.get(asset), type).cacheControl(SHORT).build();
    }
}
