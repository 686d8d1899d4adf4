package boxoffice.store.ledger;

import boxoffice.domain.Booking;
import boxoffice.domain.Hold;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The holds and bookings one batch knows (those its snapshot carried, and those it made), what it changed of them, in
 * order, and the tallies its commit adds to the event's and the store's figures. Checks nothing: {@link EventLedger}
 * decides, this remembers.
 */
final class LedgerRecords {
    private final Instant now;
    private final Map<String, Hold> holds;
    private final Map<String, Booking> bookings;
    private final Map<String, Hold> changedHolds = new LinkedHashMap<>();
    private final Map<String, Booking> changedBookings = new LinkedHashMap<>();
    private final List<Hold> expired = new ArrayList<>();
    private int holdsCreated;
    private int bookingsCreated;
    private int bookingsCancelled;
    private int unreportedReleases;

    LedgerRecords(LedgerSnapshot snapshot, Instant now) {
        this.now = now;
        this.holds = new HashMap<>(snapshot.holds());
        this.bookings = new HashMap<>(snapshot.bookings());
    }

    /** The hold with this id, or null when the batch does not know it. */
    Hold hold(String holdId) {
        return holds.get(holdId);
    }

    /** The booking with this id, or null when the batch does not know it. */
    Booking booking(String bookingId) {
        return bookings.get(bookingId);
    }

    /** Every hold the batch knows, as a copy it may change while walking. */
    Collection<Hold> holds() {
        return List.copyOf(holds.values());
    }

    void created(Hold hold) {
        holdsCreated++;
        changed(hold);
    }

    /** A hold's new state (extended, booked, expired). */
    void changed(Hold hold) {
        holds.put(hold.id(), hold);
        changedHolds.put(hold.id(), hold);
    }

    /** A hold released, on request or because its time was up (then counted for {@link #takeReleasedCount}). */
    void expired(Hold released) {
        changed(released);
        expired.add(released);
        if (!released.expiresAt().isAfter(now)) {
            unreportedReleases++;
        }
    }

    void booked(Hold bookedHold, Booking booking) {
        changed(bookedHold);
        bookingsCreated++;
        changedBooking(booking);
    }

    void cancelled(Booking cancelled) {
        bookingsCancelled++;
        changedBooking(cancelled);
    }

    private void changedBooking(Booking booking) {
        bookings.put(booking.id(), booking);
        changedBookings.put(booking.id(), booking);
    }

    /** How many holds were released by time since the last call (so each such release is reported once). */
    int takeReleasedCount() {
        int released = unreportedReleases;
        unreportedReleases = 0;
        return released;
    }

    boolean hasChanges() {
        return !changedHolds.isEmpty() || !changedBookings.isEmpty();
    }

    List<Hold> changedHolds() {
        return List.copyOf(changedHolds.values());
    }

    List<Booking> changedBookings() {
        return List.copyOf(changedBookings.values());
    }

    List<Hold> expiredHolds() {
        return List.copyOf(expired);
    }

    int holdsCreated() {
        return holdsCreated;
    }

    int bookingsCreated() {
        return bookingsCreated;
    }

    int bookingsCancelled() {
        return bookingsCancelled;
    }
}
