package boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** {@code GET /api/v1/metrics}: the original service's figures and more. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record MetricsResponse(
        long totalEvents,
        long totalBookings,
        long activeHolds,
        long totalSeatsBooked,
        long expiredHoldsTotal,
        long holdsCreatedTotal,
        long seatsTotal,
        long seatsAvailable,
        long seatsHeld,
        Long totalBookingsCancelled) {}
