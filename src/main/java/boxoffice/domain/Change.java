package boxoffice.domain;

import java.time.Instant;
import java.util.List;

/**
 * One state change of an event, as its change feed records it: numbered by {@code seq} (per event, from 1, never
 * repeated or going back; 0 until the commit that records it assigns it), what happened and when, and the ids and
 * seats it concerns. Fields that do not apply to a type are null. Payment tokens never appear.
 *
 * <p>{@code expiresAt} is a new or extended hold's expiry; {@code reason} a cancellation's; {@code entryId} the
 * waiting-list entry a hold was offered to.
 */
public record Change(
        long seq,
        ChangeType type,
        Instant at,
        String eventId,
        String holdId,
        String bookingId,
        int qty,
        List<HoldItem> items,
        Instant expiresAt,
        String customerId,
        String reason,
        String entryId) {

    public Change {
        items = List.copyOf(items);
    }

    public static Change eventCreated(Event event) {
        return new Change(0, ChangeType.EVENT_CREATED, event.createdAt(), event.id(), null, null, event.totalSeats(),
                List.of(), null, null, null, null);
    }

    /** A hold's change: created, extended, released or expired. */
    public static Change ofHold(ChangeType type, Hold hold, Instant at) {
        boolean expiring = type == ChangeType.HOLD_CREATED || type == ChangeType.HOLD_EXTENDED;
        return new Change(0, type, at, hold.eventId(), hold.id(), null, hold.qty(), hold.items(),
                expiring ? hold.expiresAt() : null, hold.customerId(), null, null);
    }

    /** A booking's change: created or cancelled. */
    public static Change ofBooking(ChangeType type, Booking booking, Instant at) {
        return new Change(0, type, at, booking.eventId(), booking.holdId(), booking.id(), booking.qty(),
                booking.items(), null, booking.customerId(), booking.reason(), null);
    }

    /** A waiting-list entry was offered a hold, made in the same commit (after that hold's own hold.created). */
    public static Change waitlistOffered(WaitlistEntry entry, Hold hold, Instant at) {
        return new Change(0, ChangeType.WAITLIST_OFFERED, at, hold.eventId(), hold.id(), null, hold.qty(),
                hold.items(), hold.expiresAt(), hold.customerId(), null, entry.id());
    }

    public Change numbered(long number) {
        return new Change(number, type, at, eventId, holdId, bookingId, qty, items, expiresAt, customerId, reason,
                entryId);
    }
}
