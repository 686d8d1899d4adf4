package boxoffice.waitingroom;

import boxoffice.api.AdmissionResponse;
import boxoffice.api.UpdateEventRequest;
import boxoffice.domain.WaitingRoomVisit;
import boxoffice.http.Created201;
import boxoffice.http.IdempotencyKeyHeader;
import boxoffice.http.OrganizerKeys;
import boxoffice.http.OrganizerOnly;
import boxoffice.http.Tenancy;
import boxoffice.refusals.MalformedRequestException;
import boxoffice.service.Created;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * An event's waiting room: organizers set it (PATCH on the event) and watch it; buyers join it. Beside
 * {@code EventResource} on the same path.
 */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class EventWaitingRoomResource {
    /** RFC 7396, what the PATCH body is; plain JSON is accepted as well. */
    static final String MERGE_PATCH_JSON = "application/merge-patch+json";

    private final WaitingRoomService rooms;
    private final OrganizerKeys organizers;
    private final Tenancy tenancy;

    public EventWaitingRoomResource(WaitingRoomService rooms, OrganizerKeys organizers, Tenancy tenancy) {
        this.rooms = rooms;
        this.organizers = organizers;
        this.tenancy = tenancy;
    }

    /** Changes what may change of an event: today its waiting room ({@code "admission": {...}} or {@code null}). */
    @PATCH
    @Path("/{event_id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH_JSON})
    @OrganizerOnly
    public AdmissionResponse update(@PathParam("event_id") String eventId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Valid UpdateEventRequest request) {
        tenancy.requireEvent(authorization, eventId);
        if (request == null) {
            throw new MalformedRequestException("Request body required: {\"admission\": {...} or null}");
        }
        if (request.admission() == null) {
            return WaitingRoomApiMapper.room(eventId, rooms.room(eventId), rooms.now());
        }
        return WaitingRoomApiMapper.room(eventId,
                rooms.change(eventId, WaitingRoomApiMapper.settings(request.admission().settings())), rooms.now());
    }

    /** The waiting room's settings and figures, for organizers. */
    @GET
    @Path("/{event_id}/admission")
    @OrganizerOnly
    public AdmissionResponse admission(@PathParam("event_id") String eventId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        tenancy.requireEvent(authorization, eventId);
        return WaitingRoomApiMapper.room(eventId, rooms.room(eventId), rooms.now());
    }

    /** Joins the event's waiting room; repeat with the same Idempotency-Key to get the same place back. */
    @POST
    @Path("/{event_id}/queue")
    public Response join(
            @PathParam("event_id") String eventId,
            @HeaderParam(IdempotencyKeyHeader.NAME) String idempotencyKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        Created<WaitingRoomVisit> created = rooms.join(eventId,
                IdempotencyKeyHeader.parse(idempotencyKey, organizers.callerOf(authorization)));
        return Created201.of(created, URI.create("/api/v1/queue/" + created.value().entry().id()),
                WaitingRoomApiMapper.joined(created.value()));
    }
}
