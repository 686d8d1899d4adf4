package boxoffice.waitlist;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;

/**
 * A waiting-list entry for its holder: {@code status} {@code waiting} with its {@code position} (1 = next),
 * {@code offered} with the hold made for it ({@code hold_id}, {@code payment_token} to book it, {@code expires_at},
 * {@code hold_status}), or {@code left}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WaitlistEntryResponse(
        String entryId,
        String eventId,
        String customerId,
        int qty,
        String section,
        String status,
        Integer position,
        String holdId,
        String paymentToken,
        Instant expiresAt,
        String holdStatus) {}
