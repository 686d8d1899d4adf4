package boxoffice.domain;

import java.time.Instant;
import java.util.List;

/**
 * A hold as asked for, before the ledger has chosen its seats: its id (chosen before it exists, so that placing it is
 * idempotent by id), what it asks for, its lifetime and the longest it may be extended to, its payment token, and
 * the customer it counts against (or null).
 */
public record HoldOrder(
        String holdId,
        String eventId,
        List<SeatRequest> requests,
        Instant createdAt,
        Instant expiresAt,
        Instant maxExpiresAt,
        String paymentToken,
        String customerId) {

    public HoldOrder {
        requests = List.copyOf(requests);
    }

    /** The active hold of these seats. */
    public Hold granted(List<HoldItem> items) {
        return new Hold(holdId, eventId, items, createdAt, expiresAt, maxExpiresAt, paymentToken, HoldStatus.ACTIVE,
                null, customerId, count());
    }

    /** How many seats it asks for (a partial request may get fewer). */
    public int count() {
        return requests.stream().mapToInt(SeatRequest::count).sum();
    }
}
