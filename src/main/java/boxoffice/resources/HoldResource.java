package boxoffice.resources;

import boxoffice.admission.AdmissionGate;
import boxoffice.api.CreateHoldRequest;
import boxoffice.api.ExpireHoldRequest;
import boxoffice.api.HoldResponse;
import boxoffice.core.Hold;
import boxoffice.core.InvalidFieldException;
import boxoffice.core.MalformedRequestException;
import boxoffice.core.Outcome;
import boxoffice.core.UnauthorizedException;
import boxoffice.service.Created;
import boxoffice.service.HoldService;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

@Path("/api/v1/holds")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class HoldResource {
    static final String ADMISSION_TOKEN = "Admission-Token";

    private final HoldService holds;
    private final OrganizerKeys organizers;
    private final AdmissionGate admission;

    public HoldResource(HoldService holds, OrganizerKeys organizers, AdmissionGate admission) {
        this.holds = holds;
        this.organizers = organizers;
        this.admission = admission;
    }

    /** {@code ttl_seconds} may come in the body or, as in the original service, as a query parameter. */
    @POST
    @RateLimited
    public Response create(
            @QueryParam("ttl_seconds") String ttlQuery,
            @HeaderParam(IdempotencyKeyHeader.NAME) String idempotencyKey,
            @HeaderParam(ADMISSION_TOKEN) String admissionToken,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context UriInfo uri,
            @Valid CreateHoldRequest request) {
        if (request == null) {
            throw new MalformedRequestException("Request body required: {\"event_id\": ..., \"qty\": ...}");
        }
        // An event with a waiting room holds only for admitted buyers. The AdmittedBuyer returned names the customer
        // (its queue entry) that a per-customer seat limit counts against.
        admission.admit(request.eventId(), admissionToken);
        Optional<Integer> ttlSeconds = Optional.ofNullable(request.ttlSeconds()).or(() -> parseTtl(ttlQuery));
        Created<Hold> created = holds.place(
                request.eventId(), SeatingRequests.seats(request), ttlSeconds,
                IdempotencyKeyHeader.parse(idempotencyKey, organizers.callerOf(authorization)));
        return Created201.of(created, uri.getAbsolutePathBuilder().path(created.value().id()).build(),
                ApiMapper.createdHold(created.value()));
    }

    @GET
    @Path("/{hold_id}")
    public HoldResponse get(@PathParam("hold_id") String holdId) {
        return ApiMapper.hold(holds.get(holdId));
    }

    /** Release by the holder (payment token in the body) or by an organizer (Authorization header). */
    @POST
    @Path("/{hold_id}/expire")
    @RateLimited
    public HoldResponse expire(
            @PathParam("hold_id") String holdId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            ExpireHoldRequest request) {
        Optional<String> token = Optional.ofNullable(request).map(ExpireHoldRequest::paymentToken);
        if (token.isEmpty() && !organizers.isOrganizer(authorization)) {
            throw new UnauthorizedException();
        }
        Outcome<Hold> outcome = holds.release(holdId, token);
        return ApiMapper.expiredHold(outcome.value(), outcome.changed());
    }

    private static Optional<Integer> parseTtl(String ttlQuery) {
        if (ttlQuery == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Integer.parseInt(ttlQuery.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("ttl_seconds", "must be a whole number of seconds");
        }
    }
}
