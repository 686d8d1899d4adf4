package boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code POST /api/v1/bookings/{booking_id}/cancel}: why, optionally. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CancelBookingRequest(String reason) {}
