package boxoffice.live;

import boxoffice.docs.StaticFiles;
import boxoffice.service.EventService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;

/**
 * The live seat page: {@code GET /events/{id}/live} (static HTML; 404 JSON for an unknown event) and its script and
 * style under {@code /live/}, all from the jar, no CDN. The script draws the event from the public API and follows
 * {@code /availability}.
 */
@Path("/")
public final class LivePageResource {
    private static final String FOLDER = "live/";
    private static final Map<String, String> ASSETS = Map.of(
            "live.js", "text/javascript; charset=utf-8",
            "live.css", "text/css; charset=utf-8");
    private static final CacheControl SHORT = StaticFiles.cacheFor(60);

    private final EventService events;
    private final byte[] page;
    private final Map<String, byte[]> assets;

    /** Reads the files now, so a missing one stops the service at start-up, not at the first visitor. */
    LivePageResource(EventService events) {
        this.events = events;
        this.page = StaticFiles.read(FOLDER + "live.html");
        this.assets = Map.of("live.js", StaticFiles.read(FOLDER + "live.js"),
                "live.css", StaticFiles.read(FOLDER + "live.css"));
    }

    @GET
    @Path("events/{event_id}/live")
    @Produces(MediaType.TEXT_HTML + "; charset=utf-8")
    public Response page(@PathParam("event_id") String eventId) {
        events.get(eventId);
        return Response.ok(page).cacheControl(SHORT).build();
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
