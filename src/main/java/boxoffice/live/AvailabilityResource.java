package boxoffice.live;

import boxoffice.refusals.NotAnEventStreamException;
import boxoffice.resources.ClientAddresses;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * {@code GET /api/v1/events/{id}/availability}: the event's status as a Server-Sent Events stream, one
 * {@code availability} message at once and one after changes. Only for {@code Accept: text/event-stream}; any other
 * Accept is a 406 that points at {@code /status}, so a client never mistakes an endless response for a document.
 */
@Path("/api/v1/events/{event_id}/availability")
public final class AvailabilityResource {
    static final String LAST_EVENT_ID = "Last-Event-ID";

    private final AvailabilityHub hub;
    private final ClientAddresses clients;

    AvailabilityResource(AvailabilityHub hub, ClientAddresses clients) {
        this.hub = hub;
        this.clients = clients;
    }

    @GET
    @Produces({MediaType.SERVER_SENT_EVENTS, MediaType.APPLICATION_JSON})
    public void stream(
            @PathParam("event_id") String eventId,
            @HeaderParam(LAST_EVENT_ID) String lastEventId,
            @Context HttpHeaders headers,
            @Context ContainerRequestContext request,
            @Context SseEventSink sink) {
        if (!asksForEventStream(headers)) {
            throw new NotAnEventStreamException(eventId);
        }
        hub.subscribe(eventId, clients.of(request), sink, lastEventId);
    }

    /** Named explicitly: a wildcard Accept (curl's default) gets the 406 that explains, not an endless body. */
    private static boolean asksForEventStream(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream().anyMatch(type ->
                type.getType().equalsIgnoreCase("text") && type.getSubtype().equalsIgnoreCase("event-stream"));
    }
}
