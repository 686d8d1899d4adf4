package boxoffice.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * A hold. {@code payment_token} appears only in the answer that created it, {@code booking_id} once booked,
 * {@code success} only in the answer to an expire request, {@code customer_id} when the hold names one.
 * {@code requested_qty} is what was asked: above {@code qty} only when a partial hold got fewer seats. An extension
 * never takes {@code expires_at} past {@code max_expires_at}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HoldResponse(
        String holdId,
        String eventId,
        int qty,
        Integer requestedQty,
        List<HoldItemResponse> items,
        Instant expiresAt,
        Instant maxExpiresAt,
        String status,
        String customerId,
        String paymentToken,
        String bookingId,
        Boolean success) {}
