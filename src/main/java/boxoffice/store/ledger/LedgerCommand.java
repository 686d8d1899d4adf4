package boxoffice.store.ledger;

import boxoffice.core.Booking;
import boxoffice.core.BoxOfficeException;
import boxoffice.core.EventNotFoundException;
import boxoffice.core.Hold;
import boxoffice.core.HoldOrder;
import boxoffice.core.SeatRequest;
import boxoffice.core.HoldNotFoundException;
import boxoffice.core.Ids;
import boxoffice.core.Outcome;
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

    /** Holds the ledger must see besides the due ones. */
    Set<String> holdIds();

    /** Reserved sections whose seat map the ledger must read, to pick seats in them. */
    default Set<String> seatMapsNeeded() {
        return Set.of();
    }

    R applyTo(EventLedger ledger);

    /** The refusal when the event does not exist. */
    BoxOfficeException notFound();

    record PlaceHold(HoldOrder order, Instant now) implements LedgerCommand<Outcome<Hold>> {
        public String eventId() {
            return order.eventId();
        }

        public Set<String> holdIds() {
            return Set.of(order.holdId());
        }

        public Set<String> seatMapsNeeded() {
            return order.requests().stream()
                    .filter(request -> !(request instanceof SeatRequest.Quantity))
                    .map(SeatRequest::section)
                    .collect(Collectors.toSet());
        }

        public Outcome<Hold> applyTo(EventLedger ledger) {
            return ledger.placeHold(order);
        }

        public BoxOfficeException notFound() {
            return new EventNotFoundException(order.eventId());
        }
    }

    record Book(String holdId, String paymentToken, String newBookingId, Instant now)
            implements LedgerCommand<Outcome<Booking>> {
        public String eventId() {
            return Ids.eventOf(holdId).orElseThrow(() -> new HoldNotFoundException(holdId));
        }

        public Set<String> holdIds() {
            return Set.of(holdId);
        }

        public Outcome<Booking> applyTo(EventLedger ledger) {
            return ledger.book(holdId, paymentToken, newBookingId);
        }

        public BoxOfficeException notFound() {
            return new HoldNotFoundException(holdId);
        }
    }

    record Release(String holdId, Optional<String> paymentToken, Instant now)
            implements LedgerCommand<Outcome<Hold>> {
        public String eventId() {
            return Ids.eventOf(holdId).orElseThrow(() -> new HoldNotFoundException(holdId));
        }

        public Set<String> holdIds() {
            return Set.of(holdId);
        }

        public Outcome<Hold> applyTo(EventLedger ledger) {
            return ledger.release(holdId, paymentToken);
        }

        public BoxOfficeException notFound() {
            return new HoldNotFoundException(holdId);
        }
    }

    record ReleaseDue(String eventId, Instant now) implements LedgerCommand<Integer> {
        public Set<String> holdIds() {
            return Set.of();
        }

        public Integer applyTo(EventLedger ledger) {
            return ledger.takeReleasedCount();
        }

        public BoxOfficeException notFound() {
            return new EventNotFoundException(eventId);
        }
    }
}
