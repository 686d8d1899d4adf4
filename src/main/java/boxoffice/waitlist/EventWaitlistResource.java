package boxoffice.waitlist;

import boxoffice.domain.WaitlistPlace;
import boxoffice.http.Created201;
import boxoffice.http.IdempotencyKeyHeader;
import boxoffice.http.OrganizerKeys;
import boxoffice.refusals.MalformedRequestException;
import boxoffice.service.Created;
import boxoffice.service.IdempotencyKey;
import boxoffice.waitingroom.AdmissionGate;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Optional;

/** Joining an event's waiting list; beside {@code EventResource} on the same path. */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class EventWaitlistResource {
    private final WaitlistService waitlists;
    private final OrganizerKeys organizers;
    private final AdmissionGate admission;

    public EventWaitlistResource(WaitlistService waitlists, OrganizerKeys organizers, AdmissionGate admission) {
        this.waitlists = waitlists;
        this.organizers = organizers;
        this.admission = admission;
    }

    /**
     * 201 with a place in line, only while the seats asked for are not available (else 409 SEATS_AVAILABLE). On an
     * event with a waiting room only an admitted buyer joins, as only one holds, and the entry is for that buyer.
     */
    @POST
    @Path("/{event_id}/waitlist")
    public Response join(
            @PathParam("event_id") String eventId,
            @HeaderParam(IdempotencyKeyHeader.NAME) String idempotencyKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(AdmissionGate.HEADER) String admissionToken,
            WaitlistJoinRequest request) {
        if (request == null) {
            throw new MalformedRequestException("Request body required: {\"customer_id\": ..., \"qty\": ...}");
        }
        String customerId = admission.customerFor(eventId, admissionToken, request.customerId()).orElse(null);
        Created<WaitlistPlace> created = waitlists.join(eventId, customerId, request.qty(),
                Optional.ofNullable(request.section()),
                IdempotencyKeyHeader.parse(idempotencyKey, callerOf(authorization, customerId)));
        return Created201.of(created, URI.create("/api/v1/waitlist/" + created.value().entry().id()),
                WaitlistApiMapper.joined(created.value()));
    }

    /** An organizer's namespace for the key, else the customer's the entry is for. */
    private String callerOf(String authorization, String customerId) {
        String caller = organizers.callerOf(authorization);
        return caller.equals(IdempotencyKey.ANONYMOUS) && customerId != null ? "customer:" + customerId : caller;
    }
}
