package boxoffice.resources;

import boxoffice.api.BookRequest;
import boxoffice.api.BookingResponse;
import boxoffice.api.CancelBookingRequest;
import boxoffice.domain.Booking;
import boxoffice.domain.Outcome;
import boxoffice.http.Created201;
import boxoffice.http.OrganizerOnly;
import boxoffice.http.Tenancy;
import boxoffice.refusals.MalformedRequestException;
import boxoffice.service.BookingService;
import boxoffice.service.Created;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Optional;

@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public final class BookingResource {
    private final BookingService bookings;
    private final Tenancy tenancy;

    public BookingResource(BookingService bookings, Tenancy tenancy) {
        this.bookings = bookings;
        this.tenancy = tenancy;
    }

    /** Idempotent by hold: a repeat returns the first booking with {@code Idempotent-Replayed: true}. */
    @POST
    @Path("/book")
    public Response book(@Context UriInfo uri, @Valid BookRequest request) {
        if (request == null) {
            throw new MalformedRequestException("Request body required: {\"hold_id\": ..., \"payment_token\": ...}");
        }
        Outcome<Booking> outcome = bookings.book(request.holdId(), request.paymentToken());
        Booking booking = outcome.value();
        return Created201.of(new Created<>(booking, !outcome.changed()),
                uri.getBaseUriBuilder().path("api/v1/bookings").path(booking.id()).build(),
                ApiMapper.booking(booking));
    }

    /** Organizers only: the booking's seats become available again; cancelling again answers the same booking. */
    @POST
    @OrganizerOnly
    @Path("/bookings/{booking_id}/cancel")
    public BookingResponse cancel(@PathParam("booking_id") String bookingId,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, @Valid CancelBookingRequest request) {
        tenancy.requireBooking(authorization, bookingId);
        Optional<String> reason = Optional.ofNullable(request).map(CancelBookingRequest::reason);
        return ApiMapper.booking(bookings.cancel(bookingId, reason).value());
    }

    @GET
    @Path("/bookings/{booking_id}")
    public BookingResponse get(@PathParam("booking_id") String bookingId) {
        return ApiMapper.booking(bookings.get(bookingId));
    }
}
