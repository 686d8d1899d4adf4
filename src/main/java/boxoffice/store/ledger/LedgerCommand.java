package boxoffice.store.ledger;

import boxoffice.core.Booking;
import boxoffice.core.BookingNotFoundException;
import boxoffice.core.BoxOfficeException;
import boxoffice.core.EventNotFoundException;
import boxoffice.core.Hold;
import boxoffice.core.HoldOrder;
import boxoffice.core.SeatRequest;
import boxoffice.core.HoldNotFoundException;
import boxoffice.core.Ids;
import boxoffice.core.Outcome;
import boxoffice.core.WaitlistEntry;
import boxoffice.core.WaitlistEntryNotFoundException;
import boxoffice.core.WaitlistPlace;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** One mutation of one event, queued for a batch and applied to that batch's {@link EventLedger}. */
sealed interface LedgerCommand<R> {

    /** The event this command mutates; throws the command's refusal when its id names no event (malformed). */
    String eventId();

    /** When the caller asked; a batch runs at the latest of its commands' times. */
    Instant now();

    /** What the ledger must read for it besides the event and its due holds. */
    ReadSet reads();

    R applyTo(EventLedger ledger);

    /** The refusal when the event does not exist. */
    BoxOfficeException notFound();

    /**
     * What applying it costs a batch, in seats searched for in seat maps plus one: a batch takes commands up to a
     * budget of these ({@link CommandBatcher}), so costly ones do not keep the lock while others wait.
     */
    default int work() {
        return 1;
    }

    /** A command on an existing hold: its event, what it reads and its refusal all follow from the hold's id. */
    sealed interface OnHold<R> extends LedgerCommand<R> {
        String holdId();

        default String eventId() {
            return Ids.eventOf(holdId()).orElseThrow(() -> new HoldNotFoundException(holdId()));
        }

        default ReadSet reads() {
            return ReadSet.holds(holdId());
        }

        default BoxOfficeException notFound() {
            return new HoldNotFoundException(holdId());
        }
    }

    record PlaceHold(HoldOrder order, Instant now) implements LedgerCommand<Outcome<Hold>> {
        public String eventId() {
            return order.eventId();
        }

        /** The seat maps of the sections it picks seats in, and its customer's figures. */
        public ReadSet reads() {
            Set<String> seatMaps = order.requests().stream()
                    .filter(request -> !(request instanceof SeatRequest.Quantity))
                    .map(SeatRequest::section)
                    .collect(Collectors.toSet());
            Set<String> customers = order.customerId() == null ? Set.of() : Set.of(order.customerId());
            return new ReadSet(Set.of(order.holdId()), Set.of(), seatMaps, customers);
        }

        public Outcome<Hold> applyTo(EventLedger ledger) {
            return ledger.placeHold(order);
        }

        /** Seats named or picked best available are searched for; general-admission quantities are a count. */
        public int work() {
            return 1 + order.requests().stream()
                    .filter(request -> !(request instanceof SeatRequest.Quantity))
                    .mapToInt(SeatRequest::count)
                    .sum();
        }

        public BoxOfficeException notFound() {
            return new EventNotFoundException(order.eventId());
        }
    }

    record Book(String holdId, String paymentToken, String newBookingId, Instant now)
            implements OnHold<Outcome<Booking>> {
        public Outcome<Booking> applyTo(EventLedger ledger) {
            return ledger.book(holdId, paymentToken, newBookingId);
        }
    }

    record Release(String holdId, Optional<String> paymentToken, Instant now) implements OnHold<Outcome<Hold>> {
        public Outcome<Hold> applyTo(EventLedger ledger) {
            return ledger.release(holdId, paymentToken);
        }
    }

    record Extend(String holdId, String paymentToken, Duration ttl, Instant now) implements OnHold<Outcome<Hold>> {
        public Outcome<Hold> applyTo(EventLedger ledger) {
            return ledger.extend(holdId, paymentToken, ttl);
        }
    }

    record CancelBooking(String bookingId, String reason, Instant now) implements LedgerCommand<Outcome<Booking>> {
        public String eventId() {
            return Ids.eventOf(bookingId).orElseThrow(() -> new BookingNotFoundException(bookingId));
        }

        public ReadSet reads() {
            return new ReadSet(Set.of(), Set.of(bookingId), Set.of(), Set.of());
        }

        public Outcome<Booking> applyTo(EventLedger ledger) {
            return ledger.cancel(bookingId, reason);
        }

        public BoxOfficeException notFound() {
            return new BookingNotFoundException(bookingId);
        }
    }

    record ReleaseDue(String eventId, Instant now) implements LedgerCommand<Integer> {
        public ReadSet reads() {
            return ReadSet.NOTHING;
        }

        public Integer applyTo(EventLedger ledger) {
            return ledger.takeReleasedCount();
        }

        public BoxOfficeException notFound() {
            return new EventNotFoundException(eventId);
        }
    }

    record JoinWaitlist(WaitlistEntry entry, Instant now) implements LedgerCommand<Outcome<WaitlistPlace>> {
        public String eventId() {
            return entry.eventId();
        }

        public ReadSet reads() {
            return ReadSet.entries(entry.id());
        }

        public Outcome<WaitlistPlace> applyTo(EventLedger ledger) {
            return ledger.joinWaitlist(entry);
        }

        public BoxOfficeException notFound() {
            return new EventNotFoundException(entry.eventId());
        }
    }

    record LeaveWaitlist(String entryId, String entryToken, Instant now)
            implements LedgerCommand<Outcome<WaitlistEntry>> {
        public String eventId() {
            return Ids.eventOf(entryId).orElseThrow(() -> new WaitlistEntryNotFoundException(entryId));
        }

        public ReadSet reads() {
            return ReadSet.entries(entryId);
        }

        public Outcome<WaitlistEntry> applyTo(EventLedger ledger) {
            return ledger.leaveWaitlist(entryId, entryToken);
        }

        public BoxOfficeException notFound() {
            return new WaitlistEntryNotFoundException(entryId);
        }
    }
}
