package boxoffice.api;

import boxoffice.domain.Change;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.List;

/**
 * One change of an event's feed. Fields a type does not carry are left out: {@code hold_id} for holds and bookings,
 * {@code booking_id} for bookings, {@code expires_at} for a created or extended hold, {@code reason} for a
 * cancellation with one, {@code items} for holds and bookings, {@code entry_id} for a waiting-list offer. No payment
 * token ever appears.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChangeResponse(
        long seq,
        String type,
        Instant at,
        String eventId,
        String holdId,
        String bookingId,
        int qty,
        List<HoldItemResponse> items,
        Instant expiresAt,
        String customerId,
        String reason,
        String entryId) {

    /** One change as the feed, webhooks and anything else that publishes it show it. */
    public static ChangeResponse of(Change change) {
        return new ChangeResponse(change.seq(), change.type().wireName(), change.at(), change.eventId(),
                change.holdId(), change.bookingId(), change.qty(),
                change.items().isEmpty() ? null : change.items().stream().map(HoldItemResponse::of).toList(),
                change.expiresAt(), change.customerId(), change.reason(), change.entryId());
    }
}
