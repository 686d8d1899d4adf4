package boxoffice.store.ledger;

import boxoffice.domain.Booking;
import boxoffice.domain.Hold;
import boxoffice.domain.HoldOrder;
import boxoffice.domain.Ids;
import boxoffice.domain.Outcome;
import boxoffice.domain.SeatRequest;
import boxoffice.domain.WaitlistEntry;
import boxoffice.domain.WaitlistPlace;
import boxoffice.refusals.BookingNotFoundException;
import boxoffice.refusals.BoxOfficeException;
import boxoffice.refusals.EventNotFoundException;
import boxoffice.refusals.HoldNotFoundException;
import boxoffice.refusals.WaitlistEntryNotFoundException;
import boxoffice.store.HoldReads;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One mutation of one event, submitted through {@link Ledger#execute}, queued for a batch and applied to that batch's
 * {@link EventLedger}. A new mutation is one more record here and one {@link EventLedger} method. Each record's
 * Javadoc is its contract; every one first releases its event's holds due at its {@code now}.
 */
public sealed interface LedgerCommand<R> {

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

    /** The caller's answer, given what the batch answered; a command may read it again from the backend. */
    default R answer(R applied, HoldReads reads) {
        return applied;
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

    /**
     * Holds the seats the order asks for, all or nothing, and answers the hold with the seats granted; or refuses
     * ({@link boxoffice.refusals.InsufficientSeatsException}, {@link boxoffice.refusals.SeatsUnavailableException},
     * {@link boxoffice.refusals.NoAdjacentSeatsException}, or {@link boxoffice.refusals.InvalidFieldException} for a request
     * that does not fit the event). Idempotent by hold id: when a hold with this id exists it is returned unchanged,
     * with {@code changed == false}; an id issued longer ago than the retention is refused.
     */
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

    /**
     * Books an active hold whose payment token matches. Idempotent by hold id: booking a booked hold with the right
     * token returns its booking with {@code changed == false}. Booking and releasing one hold never both succeed.
     */
    record Book(String holdId, String paymentToken, String newBookingId, Instant now)
            implements OnHold<Outcome<Booking>> {
        public Outcome<Booking> applyTo(EventLedger ledger) {
            return ledger.book(holdId, paymentToken, newBookingId);
        }
    }

    /**
     * Releases an active hold's seats now. {@code paymentToken} empty means the caller is already authorized (an
     * organizer or operator). Answers the expired hold, {@code changed == false} when it had expired before.
     */
    record Release(String holdId, Optional<String> paymentToken, Instant now) implements OnHold<Outcome<Hold>> {
        public Outcome<Hold> applyTo(EventLedger ledger) {
            return ledger.release(holdId, paymentToken);
        }
    }

    /**
     * Moves an active hold's expiry to {@code now + ttl}, never past its {@code maxExpiresAt} and never earlier (then
     * it is unchanged, {@code changed == false}); the token must match. A booked hold is
     * {@link boxoffice.refusals.HoldAlreadyBookedException}, an expired or released (or due) one
     * {@link boxoffice.refusals.HoldExpiredException}. The expiry index follows in the same commit.
     */
    record Extend(String holdId, String paymentToken, Duration ttl, Instant now) implements OnHold<Outcome<Hold>> {
        public Outcome<Hold> applyTo(EventLedger ledger) {
            return ledger.extend(holdId, paymentToken, ttl);
        }
    }

    /**
     * Cancels a confirmed booking: its seats (the exact reserved ones too) become available again, in the same step.
     * Idempotent: cancelling a cancelled booking returns it with {@code changed == false}.
     */
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

    /** Releases the event's holds due at {@code now}; answers how many. Many callers may race; each hold once. */
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

    /**
     * Puts the entry (an id of the event, its holder's token, the offered hold's TTL) at the end of the event's
     * waiting list, numbered, and answers its position; only while fewer seats are available (in its section) than
     * it asks for, else {@link boxoffice.refusals.SeatsAvailableException}; a section that is not general admission, or a
     * qty past the limits per customer, is {@link boxoffice.refusals.InvalidFieldException}. From then on, each commit
     * that frees seats offers them to the first entries that fit, as holds made in that commit. Idempotent by entry
     * id: an entry that joined is answered as it stands now, with {@code changed == false}.
     */
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

        /** A replayed join is answered as the entry stands now (it may have moved up, or been offered). */
        public Outcome<WaitlistPlace> answer(Outcome<WaitlistPlace> joined, HoldReads reads) {
            if (joined.changed()) {
                return joined;
            }
            return Outcome.unchanged(reads.findWaitlistEntry(entry.id()).orElse(joined.value()));
        }

        public BoxOfficeException notFound() {
            return new EventNotFoundException(entry.eventId());
        }
    }

    /**
     * Takes a waiting entry out of the line; the token must match ({@link boxoffice.refusals.InvalidEntryTokenException}).
     * An offered entry cannot leave ({@link boxoffice.refusals.WaitlistEntryOfferedException}); leaving twice returns the
     * entry with {@code changed == false}.
     */
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
