package boxoffice.api;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record BookingResponse(
        String bookingId, String holdId, String eventId, int qty, List<HoldItemResponse> items, Instant createdAt) {}
