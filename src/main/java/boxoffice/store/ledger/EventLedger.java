package boxoffice.store.ledger;

import boxoffice.domain.Booking;
import boxoffice.domain.BookingStatus;
import boxoffice.domain.ChangeType;
import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.domain.Hold;
import boxoffice.domain.HoldItem;
import boxoffice.domain.HoldOrder;
import boxoffice.domain.HoldStatus;
import boxoffice.domain.Outcome;
import boxoffice.domain.WaitlistEntry;
import boxoffice.domain.WaitlistPlace;
import boxoffice.refusals.BookingNotFoundException;
import boxoffice.refusals.BoxOfficeException;
import boxoffice.refusals.HoldAlreadyBookedException;
import boxoffice.refusals.HoldExpiredException;
import boxoffice.refusals.HoldNotFoundException;
import boxoffice.refusals.InvalidFieldException;
import boxoffice.refusals.InvalidPaymentTokenException;
import boxoffice.seating.SeatStates;
import boxoffice.support.Tokens;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The seat rules of one event, applied to a snapshot in memory. A batch of commands runs through one ledger and the
 * result is committed in one step. Every operation checks before it changes anything, so a refused command leaves
 * the ledger as it was. Not thread-safe: one batch, one thread.
 */
final class EventLedger {

    private final Event event;
    private final Instant now;
    private final Duration finishedHoldRetention;
    private final LedgerRecords records;
    private final EventSeats seats;
    private final CustomerSeats customers;
    private final ChangeLog changeLog;
    private final Waitlist waitlist;
    /** Seats came back (or a customer's figures fell) since the waiting list was last offered them. */
    private boolean seatsFreed;
    private final EventCounts before;
    private boolean replayed;

    /** @param finishedHoldRetention how long the store remembers a finished hold, so an id may not come back */
    EventLedger(LedgerSnapshot snapshot, Instant now, Duration finishedHoldRetention) {
        this.event = snapshot.event();
        this.now = now;
        this.finishedHoldRetention = finishedHoldRetention;
        this.before = snapshot.counts();
        this.seats = new EventSeats(event, snapshot.counts(), snapshot.seatMaps());
        this.records = new LedgerRecords(snapshot, now);
        this.customers = new CustomerSeats(snapshot.customerSeats());
        this.changeLog = new ChangeLog(now);
        this.waitlist = new Waitlist(snapshot.waitlist());
    }

    /** Lazy expiry: releases every known hold that is due. */
    void releaseDue() {
        records.holds().stream().filter(hold -> hold.isDueAt(now)).forEach(this::expire);
    }

    /** How many holds were released by time since the last call (so each such release is reported once). */
    int takeReleasedCount() {
        return records.takeReleasedCount();
    }

    /** The seat states of a reserved section whose map the snapshot carries, as this ledger has changed them. */
    Optional<SeatStates> seatMap(String section) {
        return seats.seatMap(section);
    }

    Outcome<Hold> placeHold(HoldOrder order) {
        Hold existing = records.hold(order.holdId());
        if (existing != null) {
            return replay(existing);
        }
        HoldIdAge.requireFresh(order.holdId(), now, finishedHoldRetention);
        if (order.customerId() == null && event.limitsCustomersIn(order.requests())) {
            throw new InvalidFieldException("customer_id", "is required: this event limits seats per customer");
        }
        return Outcome.changed(grant(order));
    }

    /** Holds the seats of an order, or throws its refusal having changed nothing. */
    private Hold grant(HoldOrder order) {
        SeatAllocator allocator = new SeatAllocator(event, seats.counts(), seats::loadedSeatMap);
        List<HoldItem> items = allocator.allocate(order.requests());
        if (order.customerId() != null) {
            try {
                customers.checkLimits(event, order.customerId(), items);
            } catch (RuntimeException refused) {
                allocator.giveBack();
                throw refused;
            }
        }
        Hold hold = order.granted(items);
        seats.hold(hold.items());
        customers.add(hold.customerId(), hold.items(), 1);
        records.created(hold);
        changeLog.hold(ChangeType.HOLD_CREATED, hold);
        return hold;
    }

    /** Puts a buyer on the event's waiting list ({@link Waitlist#join}). Idempotent by entry id. */
    Outcome<WaitlistPlace> joinWaitlist(WaitlistEntry entry) {
        return noted(waitlist.join(event, entry, () -> availableFor(entry)));
    }

    /** Takes a waiting entry out of the line ({@link Waitlist#leave}). */
    Outcome<WaitlistEntry> leaveWaitlist(String entryId, String entryToken) {
        return noted(waitlist.leave(entryId, entryToken, now));
    }

    /**
     * Offers the seats that came back to the waiting list, first in line first: each entry that fits (seats in its
     * section, its customer's limits) gets a hold made for it here, so it commits with the change that freed them;
     * one that does not fit yet keeps its place. Runs after every command, and does nothing unless seats came back.
     */
    void offerFreedSeats() {
        if (!seatsFreed || !waitlist.anyoneWaiting()) {
            return;
        }
        seatsFreed = false;
        for (WaitlistEntry entry : waitlist.inLine()) {
            if (seats.counts().total().available() == 0) {
                return;
            }
            if (availableFor(entry) < entry.qty()) {
                continue;
            }
            try {
                Hold hold = grant(Waitlist.offerOf(entry, now));
                waitlist.offered(entry, hold.id(), now);
                changeLog.offered(entry, hold);
            } catch (BoxOfficeException overCustomerLimit) {
                // it does not fit yet: it keeps its place
            }
        }
    }

    /** Seats available now where the entry wants them: its section's, or the event's only section's. */
    private int availableFor(WaitlistEntry entry) {
        EventCounts counts = seats.counts();
        return entry.section() == null ? counts.total().available() : counts.section(entry.section()).available();
    }

    /**
     * Moves an active hold's expiry to {@code now + ttl}, never past its {@code maxExpiresAt} and never earlier than it
     * was. A hold that is due expires here instead, and the caller hears it has expired.
     */
    Outcome<Hold> extend(String holdId, String paymentToken, Duration ttl) {
        Hold hold = require(holdId);
        checkToken(hold, paymentToken);
        checkActive(hold);
        Instant asked = now.plus(ttl);
        Instant capped = asked.isAfter(hold.maxExpiresAt()) ? hold.maxExpiresAt() : asked;
        if (!capped.isAfter(hold.expiresAt())) {
            return replay(hold); // an extension never shortens a hold (this may retry one that did)
        }
        Hold extended = hold.expiringAt(capped);
        records.changed(extended);
        changeLog.hold(ChangeType.HOLD_EXTENDED, extended);
        return Outcome.changed(extended);
    }

    /** Cancels a confirmed booking: its seats become available again. Cancelling again changes nothing. */
    Outcome<Booking> cancel(String bookingId, String reason) {
        Booking booking = records.booking(bookingId);
        if (booking == null) {
            throw new BookingNotFoundException(bookingId);
        }
        if (booking.status() == BookingStatus.CANCELLED) {
            return replay(booking);
        }
        Booking cancelled = booking.cancelled(now, reason);
        seats.cancel(booking.items());
        seatsFreed = true;
        customers.add(booking.customerId(), booking.items(), -1);
        records.cancelled(cancelled);
        changeLog.booking(ChangeType.BOOKING_CANCELLED, cancelled);
        return Outcome.changed(cancelled);
    }

    Outcome<Booking> book(String holdId, String paymentToken, String newBookingId) {
        Hold hold = require(holdId);
        checkToken(hold, paymentToken);
        if (hold.status() == HoldStatus.BOOKED) {
            return replay(records.booking(hold.bookingId()));
        }
        checkActive(hold);
        Booking booking = Booking.of(newBookingId, hold, now);
        seats.book(hold.items());
        records.booked(hold.booked(booking.id()), booking);
        changeLog.booking(ChangeType.BOOKING_CREATED, booking);
        return Outcome.changed(booking);
    }

    Outcome<Hold> release(String holdId, Optional<String> paymentToken) {
        Hold hold = require(holdId);
        paymentToken.ifPresent(token -> checkToken(hold, token));
        return switch (hold.status()) {
            case BOOKED -> throw new HoldAlreadyBookedException(holdId);
            case EXPIRED -> replay(hold);
            case ACTIVE -> Outcome.changed(expire(hold));
        };
    }

    boolean hasChanges() {
        return records.hasChanges() || waitlist.hasChanges();
    }

    /**
     * True when a command answered with what an earlier batch stored (a retry). That state may be on the master
     * alone, if the earlier commit's wait for replicas failed: the batch commits anyway, so that the replay is
     * answered only once it is as durable as a fresh change.
     */
    boolean hasReplays() {
        return replayed;
    }

    private <T> Outcome<T> replay(T stored) {
        replayed = true;
        return Outcome.unchanged(stored);
    }

    private <T> Outcome<T> noted(Outcome<T> outcome) {
        replayed |= !outcome.changed();
        return outcome;
    }

    LedgerChanges changes() {
        return new LedgerChanges(now, before, seats.counts(), seats.changes(), records.changedHolds(),
                records.changedBookings(), customers.changes(), changeLog.changes(), records.holdsCreated(),
                records.expiredHolds().size(), records.bookingsCreated(), records.bookingsCancelled(),
                waitlist.changes());
    }

    /** Holds this ledger expired, for logging once the commit succeeded. */
    List<Hold> expiredHolds() {
        return records.expiredHolds();
    }

    /**
     * Refuses a hold that is no longer active: booked, expired or released, or due (then it expires here, beyond the
     * due holds the snapshot carried, and its seats go back in this batch).
     */
    private void checkActive(Hold hold) {
        if (hold.status() == HoldStatus.BOOKED) {
            throw new HoldAlreadyBookedException(hold.id());
        }
        if (hold.isDueAt(now)) {
            expire(hold);
            throw new HoldExpiredException(hold.id());
        }
        if (hold.status() == HoldStatus.EXPIRED) {
            throw new HoldExpiredException(hold.id());
        }
    }

    private Hold expire(Hold hold) {
        Hold released = hold.withStatus(HoldStatus.EXPIRED);
        seats.release(hold.items());
        seatsFreed = true;
        customers.add(hold.customerId(), hold.items(), -1);
        records.expired(released);
        changeLog.ended(released);
        return released;
    }

    private Hold require(String holdId) {
        Hold hold = records.hold(holdId);
        if (hold == null) {
            throw new HoldNotFoundException(holdId);
        }
        return hold;
    }

    private static void checkToken(Hold hold, String paymentToken) {
        if (!Tokens.match(hold.paymentToken(), paymentToken)) {
            throw new InvalidPaymentTokenException();
        }
    }
}
