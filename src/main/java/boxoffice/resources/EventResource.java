package boxoffice.resources;

import boxoffice.api.ChangesResponse;
import boxoffice.api.CreateEventRequest;
import boxoffice.api.CustomerResponse;
import boxoffice.api.EventResponse;
import boxoffice.api.EventStatusResponse;
import boxoffice.api.SeatMapResponse;
import boxoffice.domain.Event;
import boxoffice.http.Created201;
import boxoffice.http.IdempotencyKeyHeader;
import boxoffice.http.OrganizerAuthFilter;
import boxoffice.http.OrganizerKeys;
import boxoffice.http.OrganizerOnly;
import boxoffice.http.Tenancy;
import boxoffice.refusals.MalformedRequestException;
import boxoffice.service.Created;
import boxoffice.service.EventService;
import boxoffice.waitingroom.WaitingRoomApiMapper;
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

@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class EventResource {
    private final EventService events;
    private final OrganizerKeys organizers;
    private final Tenancy tenancy;

    public EventResource(EventService events, OrganizerKeys organizers, Tenancy tenancy) {
        this.events = events;
        this.organizers = organizers;
        this.tenancy = tenancy;
    }

    /**
     * Organizers only: {@link OrganizerAuthFilter} has checked the key before the body is read. The event belongs to
     * the key's organizer.
     */
    @POST
    @OrganizerOnly
    @LargeBody
    public Response create(
            @HeaderParam(IdempotencyKeyHeader.NAME) String idempotencyKey,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context UriInfo uri,
            @Valid CreateEventRequest request) {
        if (request == null) {
            throw new MalformedRequestException("Request body required: {\"name\": ..., \"total_seats\": ...}");
        }
        Created<Event> created = events.create(request.name(), Optional.ofNullable(request.totalSeats()),
                SeatingRequests.sections(request.sections()), Optional.ofNullable(request.maxPerCustomer()),
                WaitingRoomApiMapper.settings(request.admission()), tenancy.caller(authorization).eventOwner(),
                IdempotencyKeyHeader.parse(idempotencyKey, organizers.callerOf(authorization)));
        return Created201.of(created, uri.getAbsolutePathBuilder().path(created.value().id()).build(),
                ApiMapper.event(created.value()));
    }

    @GET
    @Path("/{event_id}")
    public EventResponse get(@PathParam("event_id") String eventId) {
        return ApiMapper.event(events.get(eventId));
    }

    @GET
    @Path("/{event_id}/status")
    public EventStatusResponse status(@PathParam("event_id") String eventId) {
        return EventStatusResponse.of(events.status(eventId));
    }

    /** Organizers only: what one customer holds and has booked for the event (to answer "why am I refused?"). */
    @GET
    @OrganizerOnly
    @Path("/{event_id}/customers/{customer_id}")
    public CustomerResponse customer(
            @PathParam("event_id") String eventId, @PathParam("customer_id") String customerId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        tenancy.requireEvent(authorization, eventId);
        return ApiMapper.customer(eventId, customerId, events.customer(eventId, customerId));
    }

    /**
     * Organizers only: the event's changes after {@code after} (default 0: from the start), at most {@code limit}
     * (default 100, up to 1000), and the cursor to read on from.
     */
    @GET
    @OrganizerOnly
    @Path("/{event_id}/changes")
    public ChangesResponse changes(
            @PathParam("event_id") String eventId,
            @QueryParam("after") String after,
            @QueryParam("limit") String limit,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        tenancy.requireEvent(authorization, eventId);
        return ApiMapper.changes(events.changes(eventId, QueryNumbers.parse("after", after, 0),
                QueryNumbers.parse("limit", limit, EventService.DEFAULT_CHANGES_PAGE)));
    }

    /** One character per seat of each row of a reserved section: A available, H held, B booked. */
    @GET
    @Path("/{event_id}/sections/{section}/seats")
    public SeatMapResponse seats(@PathParam("event_id") String eventId, @PathParam("section") String section) {
        return ApiMapper.seatMap(section, events.seatMap(eventId, section));
    }
}
