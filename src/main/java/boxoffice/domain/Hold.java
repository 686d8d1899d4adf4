package boxoffice.domain;

import java.time.Instant;
import java.util.List;

/**
 * Seats held for a buyer until {@code expiresAt}, in one or more sections ({@code items}). The payment token proves
 * the buyer's right to book, extend or release. An extension never takes {@code expiresAt} past
 * {@code maxExpiresAt}. {@code customerId} (or null) is whom the seats count against when the event limits seats per
 * customer; {@code requestedQty} is what was asked, more than {@link #qty} when a partial hold got fewer.
 * {@code bookingId} is set once the hold is booked.
 */
public record Hold(
        String id,
        String eventId,
        List<HoldItem> items,
        Instant createdAt,
        Instant expiresAt,
        Instant maxExpiresAt,
        String paymentToken,
        HoldStatus status,
        String bookingId,
        String customerId,
        int requestedQty) {

    public Hold {
        items = List.copyOf(items);
    }

    /** All its seats, whatever their sections. */
    public int qty() {
        return HoldItem.qtyOf(items);
    }

    /** The status a client sees at {@code now}: an active hold past its expiry is already expired. */
    public HoldStatus statusAt(Instant now) {
        return status == HoldStatus.ACTIVE && isDueAt(now) ? HoldStatus.EXPIRED : status;
    }

    /** True when the hold is still active but its time is up, so its seats must be released. */
    public boolean isDueAt(Instant now) {
        return status == HoldStatus.ACTIVE && !now.isBefore(expiresAt);
    }

    public Hold withStatus(HoldStatus newStatus) {
        return new Hold(id, eventId, items, createdAt, expiresAt, maxExpiresAt, paymentToken, newStatus, bookingId,
                customerId, requestedQty);
    }

    public Hold booked(String newBookingId) {
        return new Hold(id, eventId, items, createdAt, expiresAt, maxExpiresAt, paymentToken, HoldStatus.BOOKED,
                newBookingId, customerId, requestedQty);
    }

    public Hold expiringAt(Instant newExpiresAt) {
        return new Hold(id, eventId, items, createdAt, newExpiresAt, maxExpiresAt, paymentToken, status, bookingId,
                customerId, requestedQty);
    }
}
