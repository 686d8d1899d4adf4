package boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * A booking: {@code confirmed}, or {@code cancelled} (then with {@code cancelled_at} and the {@code reason} given);
 * {@code customer_id} when its hold named one.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BookingResponse(
        String bookingId,
        String holdId,
        String eventId,
        int qty,
        List<HoldItemResponse> items,
        String status,
        Instant createdAt,
        Instant cancelledAt,
        String reason,
        String customerId) {}
