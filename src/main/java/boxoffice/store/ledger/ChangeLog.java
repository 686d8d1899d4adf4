package boxoffice.store.ledger;

import boxoffice.domain.Booking;
import boxoffice.domain.Change;
import boxoffice.domain.ChangeType;
import boxoffice.domain.Hold;
import boxoffice.domain.WaitlistEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The changes a batch made, in the order it made them, for the event's change feed: the commit numbers and stores
 * them in the same atomic step as the changes themselves, so the feed never tells of a change that did not happen or
 * misses one that did.
 */
final class ChangeLog {
    private final Instant now;
    private final List<Change> changes = new ArrayList<>();

    ChangeLog(Instant now) {
        this.now = now;
    }

    void hold(ChangeType type, Hold hold) {
        changes.add(Change.ofHold(type, hold, now));
    }

    void booking(ChangeType type, Booking booking) {
        changes.add(Change.ofBooking(type, booking, now));
    }

    /** A waiting-list entry was offered this hold (recorded after the hold's creation). */
    void offered(WaitlistEntry entry, Hold hold) {
        changes.add(Change.waitlistOffered(entry, hold, now));
    }

    /** A hold's end: released on request, or expired because its time was up. */
    void ended(Hold hold) {
        hold(hold.expiresAt().isAfter(now) ? ChangeType.HOLD_RELEASED : ChangeType.HOLD_EXPIRED, hold);
    }

    List<Change> changes() {
        return List.copyOf(changes);
    }
}
