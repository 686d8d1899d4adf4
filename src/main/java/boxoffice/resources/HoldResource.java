package boxoffice.resources;

import boxoffice.api.CreateHoldRequest;
import boxoffice.api.ExpireHoldRequest;
import boxoffice.api.ExtendHoldRequest;
import boxoffice.api.HoldResponse;
import boxoffice.api.SaturatedInt;
import boxoffice.domain.Hold;
import boxoffice.domain.Outcome;
import boxoffice.http.Created201;
import boxoffice.http.IdempotencyKeyHeader;
import boxoffice.http.OrganizerKeys;
import boxoffice.http.Tenancy;
import boxoffice.refusals.InvalidFieldException;
import boxoffice.refusals.MalformedRequestException;
import boxoffice.refusals.UnauthorizedException;
import boxoffice.service.Created;
import boxoffice.service.HoldService;
import boxoffice.service.IdempotencyKey;
import boxoffice.waitingroom.AdmissionGate;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
    static final String HOLD_TOKEN = "Hold-Token";

    private final HoldService holds;
    private final OrganizerKeys organizers;
    private final AdmissionGate admission;
    private final Tenancy tenancy;

    public HoldResource(HoldService holds, OrganizerKeys organizers, AdmissionGate admission, Tenancy tenancy) {
        this.holds = holds;
        this.organizers = organizers;
        this.admission = admission;
        this.tenancy = tenancy;
    }

    /** {@code ttl_seconds} may come in the body or, as in the original service, as a query parameter. */
    @POST
    public Response create(
            @QueryParam("ttl_seconds") String ttlQuery,
            @HeaderParam(IdempotencyKeyHeader.NAME) String idempotencyKey,
            @HeaderParam(AdmissionGate.HEADER) String admissionToken,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context UriInfo uri,
            @Valid CreateHoldRequest request) {
        if (request == null) {
            throw new MalformedRequestException("Request body required: {\"event_id\": ..., \"qty\": ...}");
        }
        // An event with a waiting room holds only for admitted buyers, and an admitted entry is one customer: the one a
        // per-customer seat limit counts against, whatever the body says.
        Optional<String> customerId = admission.customerFor(request.eventId(), admissionToken, request.customerId());
        Optional<Integer> ttlSeconds = Optional.ofNullable(request.ttlSeconds()).or(() -> parseTtl(ttlQuery));
        Created<Hold> created = holds.place(request.eventId(), SeatingRequests.seats(request), ttlSeconds, customerId,
                IdempotencyKeyHeader.parse(idempotencyKey, callerOf(authorization, customerId)));
        return Created201.of(created, uri.getAbsolutePathBuilder().path(created.value().id()).build(),
                ApiMapper.createdHold(created.value()));
    }

    @GET
    @Path("/{hold_id}")
    public HoldResponse get(@PathParam("hold_id") String holdId) {
        return ApiMapper.hold(holds.get(holdId));
    }

    /** Moves the hold's expiry to now + the TTL asked, never past its {@code max_expires_at}. */
    @POST
    @Path("/{hold_id}/extend")
    public HoldResponse extend(@PathParam("hold_id") String holdId, @Valid ExtendHoldRequest request) {
        if (request == null) {
            throw new MalformedRequestException("Request body required: {\"payment_token\": ..., \"ttl_seconds\": ...}");
        }
        Outcome<Hold> outcome = holds.extend(holdId, request.paymentToken(), Optional.ofNullable(request.ttlSeconds()));
        return ApiMapper.hold(outcome.value());
    }

    /** Release by the holder (payment token in the body) or by an organizer (Authorization header). */
    @POST
    @Path("/{hold_id}/expire")
    public HoldResponse expire(
            @PathParam("hold_id") String holdId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            ExpireHoldRequest request) {
        return release(holdId, Optional.ofNullable(request).map(ExpireHoldRequest::paymentToken), authorization);
    }

    /** The same release, REST-style: the holder's token in the {@code Hold-Token} header, or an organizer key. */
    @DELETE
    @Path("/{hold_id}")
    public HoldResponse delete(
            @PathParam("hold_id") String holdId,
            @HeaderParam(HOLD_TOKEN) String holdToken,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return release(holdId, Optional.ofNullable(holdToken).map(String::strip).filter(t -> !t.isEmpty()),
                authorization);
    }

    private HoldResponse release(String holdId, Optional<String> token, String authorization) {
        if (token.isEmpty()) {
            if (!organizers.isOrganizer(authorization)) {
                throw new UnauthorizedException();
            }
            tenancy.requireHold(authorization, holdId); // an organizer releases the holds of its own events only
        }
        Outcome<Hold> outcome = holds.release(holdId, token);
        return ApiMapper.expiredHold(outcome.value(), outcome.changed());
    }

    /**
     * Whose namespace an Idempotency-Key lives in: an organizer's, else the customer's the hold is for (so that two
     * customers cannot collide on a key), else the anonymous one.
     */
    private String callerOf(String authorization, Optional<String> customerId) {
        String caller = organizers.callerOf(authorization);
        if (!caller.equals(IdempotencyKey.ANONYMOUS) || customerId.isEmpty()) {
            return caller;
        }
        return "customer:" + customerId.get();
    }

    private static Optional<Integer> parseTtl(String ttlQuery) {
        if (ttlQuery == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(SaturatedInt.parse(ttlQuery.strip()));
        } catch (NumberFormatException e) {
            throw new InvalidFieldException("ttl_seconds", "must be a whole number of seconds");
        }
    }
}
