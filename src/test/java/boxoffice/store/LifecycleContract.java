package boxoffice.store;

import static boxoffice.testing.fixtures.BookingFixtures.newBookingId;
import static boxoffice.testing.fixtures.EventFixtures.reservedSection;
import static boxoffice.testing.fixtures.HoldFixtures.MAX_LIFETIME;
import static boxoffice.testing.fixtures.HoldFixtures.ordering;
import static boxoffice.testing.fixtures.HoldFixtures.orderingFor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import boxoffice.domain.Booking;
import boxoffice.domain.BookingStatus;
import boxoffice.domain.CustomerHoldings;
import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.domain.Hold;
import boxoffice.domain.HoldItem;
import boxoffice.domain.HoldStatus;
import boxoffice.domain.Outcome;
import boxoffice.domain.SeatCounts;
import boxoffice.domain.SeatRequest;
import boxoffice.domain.Section;
import boxoffice.refusals.BookingNotFoundException;
import boxoffice.refusals.CustomerLimitExceededException;
import boxoffice.refusals.HoldAlreadyBookedException;
import boxoffice.refusals.HoldExpiredException;
import boxoffice.refusals.HoldNotFoundException;
import boxoffice.refusals.InsufficientSeatsException;
import boxoffice.refusals.InvalidFieldException;
import boxoffice.refusals.InvalidPaymentTokenException;
import boxoffice.seating.SeatStates;
import boxoffice.store.ledger.LedgerCommand.Book;
import boxoffice.store.ledger.LedgerCommand.CancelBooking;
import boxoffice.store.ledger.LedgerCommand.Extend;
import boxoffice.store.ledger.LedgerCommand.PlaceHold;
import boxoffice.store.ledger.LedgerCommand.Release;
import boxoffice.store.ledger.LedgerCommand.ReleaseDue;
import boxoffice.testing.fixtures.EventFixtures;
import boxoffice.testing.fixtures.HoldFixtures;
import boxoffice.testing.fixtures.TestLedger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The store contract for a hold's and a booking's lifecycle, run on every store as {@link SeatStoreContractTest} is:
 * extend (never past the latest expiry, and expiry follows the new time), cancel (seats back once, reserved ones
 * too), limits per customer (counted in the ledger: holds and bookings in, releases, expiry and cancellations out)
 * and partial holds.
 */
public abstract class LifecycleContract {
    private static final Duration TTL = Duration.ofSeconds(120);
    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";

    protected abstract TestLedger store();

    private Instant t0;

    @BeforeEach
    void startTheClock() {
        t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private Event stored(Event event) {
        assertThat(store().ledger().createEvent(event)).isEqualTo(event);
        return event;
    }

    /** General admission of {@code seats} seats, at most {@code limit} per customer (null: no limit). */
    private Event generalAdmission(int seats, Integer limit) {
        return stored(EventFixtures.event(seats, t0).limitedTo(limit));
    }

    private Hold place(Event event, int qty) {
        return store().ledger()
                .execute(new PlaceHold(ordering(event, t0, TTL, new SeatRequest.Quantity(null, qty)), t0)).value();
    }

    private Hold placeFor(String customer, Event event, Instant at, SeatRequest... requests) {
        Outcome<Hold> placed = store().ledger()
                .execute(new PlaceHold(orderingFor(customer, event, at, TTL, requests), at));
        assertThat(placed.changed()).isTrue();
        return placed.value();
    }

    private Hold placeFor(String customer, Event event, int qty) {
        return placeFor(customer, event, t0, new SeatRequest.Quantity(null, qty));
    }

    private SeatCounts counts(Event event, Instant at) {
        SeatCounts counts = store().reads().counts(event.id(), at).map(EventCounts::total).orElseThrow();
        assertThat(counts.available() + counts.held() + counts.booked()).as("balanced: %s", counts)
                .isEqualTo(counts.total());
        return counts;
    }

    private Booking book(Hold hold, Instant at) {
        return store().ledger().execute(new Book(hold.id(), hold.paymentToken(), newBookingId(hold.eventId()), at))
                .value();
    }

    // --- extend ---------------------------------------------------------------------------------------------------

    @Test
    void anExtendedHoldExpiresAtItsNewTimeAndNotBefore() {
        Event event = generalAdmission(10, null);
        Hold hold = place(event, 3);
        Instant later = t0.plusSeconds(60);

        Outcome<Hold> extended = store().ledger().execute(new Extend(hold.id(), hold.paymentToken(), TTL, later));

        assertThat(extended.changed()).isTrue();
        assertThat(extended.value()).isEqualTo(hold.expiringAt(later.plus(TTL)));
        assertThat(store().reads().findHold(hold.id())).contains(extended.value());
        Instant oldExpiry = hold.expiresAt();
        assertThat(store().ledger().execute(new ReleaseDue(event.id(), oldExpiry)))
                .as("nothing is due at the old time").isZero();
        assertThat(counts(event, oldExpiry.plusMillis(1))).isEqualTo(new SeatCounts(10, 7, 3, 0));
        assertThat(store().reads().findHold(hold.id()).map(Hold::status)).contains(HoldStatus.ACTIVE);

        Instant newExpiry = later.plus(TTL);
        assertThat(store().reads().eventsWithDueHolds(newExpiry, 100_000)).contains(event.id());
        assertThat(store().ledger().execute(new ReleaseDue(event.id(), newExpiry))).isEqualTo(1);
        assertThat(counts(event, newExpiry)).isEqualTo(new SeatCounts(10, 10, 0, 0));
    }

    @Test
    void aHoldIsNeverExtendedPastItsLatestExpiry() {
        Event event = generalAdmission(10, null);
        Hold hold = place(event, 1);
        assertThat(hold.maxExpiresAt()).isEqualTo(t0.plus(MAX_LIFETIME));
        Instant now = t0;
        while (now.plus(TTL.multipliedBy(2)).isBefore(hold.maxExpiresAt())) { // a checkout kept alive, 2 min a time
            now = now.plus(TTL).minusSeconds(1);
            assertThat(store().ledger().execute(new Extend(hold.id(), hold.paymentToken(), TTL, now)).value()
                    .expiresAt())
                    .isEqualTo(now.plus(TTL));
        }

        Hold last = store().ledger()
                .execute(new Extend(hold.id(), hold.paymentToken(), Duration.ofHours(1), now.plusSeconds(30))).value();

        assertThat(last.expiresAt()).isEqualTo(hold.maxExpiresAt());
        Outcome<Hold> shorter = store().ledger()
                .execute(new Extend(hold.id(), hold.paymentToken(), Duration.ofSeconds(10), now.plusSeconds(31)));
        assertThat(shorter.changed()).as("an extension never shortens a hold").isFalse();
        assertThat(shorter.value()).isEqualTo(last);
        assertThat(store().ledger().execute(new ReleaseDue(event.id(), hold.maxExpiresAt()))).isEqualTo(1);
    }

    @Test
    void extendIsRefusedForAWrongTokenABookedOrAReleasedHold() {
        Event event = generalAdmission(10, null);
        Hold held = place(event, 1);
        Hold booked = place(event, 1);
        book(booked, t0);
        Hold released = place(event, 1);
        store().ledger().execute(new Release(released.id(), Optional.empty(), t0));

        assertThatThrownBy(() -> store().ledger().execute(new Extend(held.id(), "pt_wrong", TTL, t0)))
                .isInstanceOf(InvalidPaymentTokenException.class);
        assertThatThrownBy(() -> store().ledger().execute(new Extend(booked.id(), booked.paymentToken(), TTL, t0)))
                .isInstanceOf(HoldAlreadyBookedException.class);
        assertThatThrownBy(() -> store().ledger().execute(new Extend(released.id(), released.paymentToken(), TTL, t0)))
                .isInstanceOf(HoldExpiredException.class);
        assertThatThrownBy(() -> store().ledger()
                .execute(new Extend(HoldFixtures.newHoldId(event.id()), "pt_x", TTL, t0)))
                .isInstanceOf(HoldNotFoundException.class);
        assertThat(store().reads().findHold(held.id())).contains(held);
        assertThat(counts(event, t0)).isEqualTo(new SeatCounts(10, 8, 1, 1));
    }

    @Test
    void aHoldWhoseTimeIsUpExpiresInsteadOfBeingExtended() {
        Event event = generalAdmission(10, null);
        Hold hold = place(event, 4);

        assertThatThrownBy(() -> store().ledger()
                .execute(new Extend(hold.id(), hold.paymentToken(), TTL, hold.expiresAt())))
                .isInstanceOf(HoldExpiredException.class);

        assertThat(store().reads().findHold(hold.id()).map(Hold::status)).contains(HoldStatus.EXPIRED);
        assertThat(counts(event, hold.expiresAt())).isEqualTo(new SeatCounts(10, 10, 0, 0));
        assertThat(store().ledger().execute(new ReleaseDue(event.id(), hold.expiresAt()))).as("released once").isZero();
    }

    // --- cancel ---------------------------------------------------------------------------------------------------

    @Test
    void aCancelledBookingGivesItsSeatsBackOnceAndStaysReadable() {
        Event event = generalAdmission(10, null);
        Hold hold = place(event, 4);
        Booking booking = book(hold, t0);
        long cancelledBefore = store().reads().totals().bookingsCancelled();
        Instant later = t0.plusSeconds(5);

        Outcome<Booking> cancelled = store().ledger().execute(new CancelBooking(booking.id(), "Refunded", later));
        Outcome<Booking> again = store().ledger()
                .execute(new CancelBooking(booking.id(), "Other reason", later.plusSeconds(1)));

        assertThat(cancelled.changed()).isTrue();
        assertThat(cancelled.value()).isEqualTo(booking.cancelled(later, "Refunded"));
        assertThat(cancelled.value().status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(again.changed()).isFalse();
        assertThat(again.value()).isEqualTo(cancelled.value());
        assertThat(store().reads().findBooking(booking.id())).contains(cancelled.value());
        assertThat(counts(event, later)).isEqualTo(new SeatCounts(10, 10, 0, 0));
        assertThat(store().reads().totals().bookingsCancelled()).isEqualTo(cancelledBefore + 1);
        assertThat(store().reads().audit(event.id()).orElseThrow().balanced()).isTrue();
    }

    @Test
    void bookingTheHoldOfACancelledBookingAgainAnswersTheCancelledBooking() {
        Event event = generalAdmission(10, null);
        Hold hold = place(event, 2);
        Booking booking = book(hold, t0);
        Booking cancelled = store().ledger().execute(new CancelBooking(booking.id(), null, t0)).value();

        Outcome<Booking> replay = store().ledger()
                .execute(new Book(hold.id(), hold.paymentToken(), newBookingId(event.id()), t0));

        assertThat(replay.changed()).isFalse();
        assertThat(replay.value()).isEqualTo(cancelled);
        assertThat(counts(event, t0)).isEqualTo(new SeatCounts(10, 10, 0, 0));
    }

    @Test
    void aCancelledBookingsReservedSeatsCanBeHeldAgain() {
        Event event = stored(EventFixtures.withSections(t0, reservedSection("stalls", 1, 6)));
        Hold hold = store().ledger().execute(new PlaceHold(ordering(event, t0, TTL,
                new SeatRequest.Named("stalls", List.of("A-3", "A-4"))), t0)).value();
        Booking booking = book(hold, t0);
        assertThat(seats(event)).isEqualTo("AABBAA");

        store().ledger().execute(new CancelBooking(booking.id(), null, t0));

        assertThat(seats(event)).isEqualTo("AAAAAA");
        Hold again = store().ledger().execute(new PlaceHold(ordering(event, t0, TTL,
                new SeatRequest.Named("stalls", List.of("A-3", "A-4"))), t0)).value();
        assertThat(again.items()).containsExactly(new HoldItem("stalls", 2, List.of("A-3", "A-4")));
        assertThat(seats(event)).isEqualTo("AAHHAA");
        assertThat(store().reads().audit(event.id()).orElseThrow().balanced()).isTrue();
    }

    @Test
    void cancellingAnUnknownBookingIsNotFound() {
        Event event = generalAdmission(10, null);
        assertThatThrownBy(() -> store().ledger().execute(new CancelBooking(newBookingId(event.id()), null, t0)))
                .isInstanceOf(BookingNotFoundException.class);
    }

    private String seats(Event event) {
        SeatStates states = store().reads().seatMap(event.id(), "stalls", t0).orElseThrow();
        return states.rowStates(0);
    }

    // --- limits per customer --------------------------------------------------------------------------------------

    @Test
    void aCustomerMayNotHoldAndBookMoreThanTheEventsLimit() {
        Event event = generalAdmission(20, 4);
        Hold first = placeFor(ALICE, event, 3);
        book(first, t0);

        CustomerLimitExceededException refused = catchThrowableOfType(() -> placeFor(ALICE, event, 2),
                CustomerLimitExceededException.class);

        assertThat(refused).isNotNull();
        assertThat(refused.limit()).isEqualTo(4);
        assertThat(refused.used()).isEqualTo(3);
        assertThat(refused.section()).isNull();
        assertThat(counts(event, t0)).as("a refusal changes nothing").isEqualTo(new SeatCounts(20, 17, 0, 3));
        placeFor(BOB, event, 4);
        placeFor(ALICE, event, 1);
        assertThat(catchThrowableOfType(() -> placeFor(ALICE, event, 1), CustomerLimitExceededException.class)
                .used()).isEqualTo(4);
    }

    @Test
    void releasedExpiredAndCancelledSeatsNoLongerCount() {
        Event event = generalAdmission(20, 4);
        Hold released = placeFor(ALICE, event, 4);
        store().ledger().execute(new Release(released.id(), Optional.of(released.paymentToken()), t0));
        Booking booking = book(placeFor(ALICE, event, 4), t0);
        store().ledger().execute(new CancelBooking(booking.id(), null, t0));
        Hold expiring = placeFor(ALICE, event, 4);

        Hold afterExpiry = placeFor(ALICE, event, expiring.expiresAt(), new SeatRequest.Quantity(null, 4));

        assertThat(afterExpiry.qty()).isEqualTo(4);
        assertThat(store().reads().customer(event.id(), ALICE, expiring.expiresAt()))
                .isEqualTo(new CustomerHoldings(List.of(afterExpiry), List.of()));
    }

    @Test
    void aSectionsLimitCountsOnlyThatSection() {
        Event event = stored(EventFixtures.withSections(t0,
                Section.generalAdmission("front", "Front", 10).limitedTo(2),
                Section.generalAdmission("back", "Back", 10)));
        placeFor(ALICE, event, t0, new SeatRequest.Quantity("front", 2), new SeatRequest.Quantity("back", 5));

        CustomerLimitExceededException refused = catchThrowableOfType(
                () -> placeFor(ALICE, event, t0, new SeatRequest.Quantity("front", 1)),
                CustomerLimitExceededException.class);

        assertThat(refused.section()).isEqualTo("front");
        assertThat(refused.limit()).isEqualTo(2);
        assertThat(refused.used()).isEqualTo(2);
        placeFor(ALICE, event, t0, new SeatRequest.Quantity("back", 5));
        placeFor(BOB, event, t0, new SeatRequest.Quantity("front", 2));
        assertThat(store().reads().counts(event.id(), t0).orElseThrow().section("front"))
                .isEqualTo(new SeatCounts(10, 6, 4, 0));
    }

    @Test
    void anEventWithALimitRefusesAHoldForNoCustomer() {
        Event event = generalAdmission(20, 4);
        assertThatThrownBy(() -> place(event, 1)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("customer_id");
        assertThat(counts(event, t0)).isEqualTo(new SeatCounts(20, 20, 0, 0));
    }

    /** Whether the customer is named is asked before seats are looked for: sold out or not, the refusal is the same. */
    @Test
    void aSoldOutLimitedEventStillRefusesAHoldForNoCustomerAsSuch() {
        Event event = generalAdmission(2, 2);
        placeFor(ALICE, event, 2);

        assertThatThrownBy(() -> place(event, 1)).isInstanceOf(InvalidFieldException.class)
                .hasMessageContaining("customer_id");
        assertThatThrownBy(() -> placeFor(BOB, event, 1)).isInstanceOf(InsufficientSeatsException.class);
    }

    @Test
    void aCustomersHoldingsAreTheirActiveHoldsAndConfirmedBookings() {
        Event event = generalAdmission(20, null);
        Hold active = placeFor(ALICE, event, 1);
        Booking confirmed = book(placeFor(ALICE, event, 2), t0);
        Hold released = placeFor(ALICE, event, 1);
        store().ledger().execute(new Release(released.id(), Optional.empty(), t0));
        store().ledger().execute(new CancelBooking(book(placeFor(ALICE, event, 1), t0).id(), null, t0));
        placeFor(BOB, event, 3);

        CustomerHoldings alice = store().reads().customer(event.id(), ALICE, t0);

        assertThat(alice).isEqualTo(new CustomerHoldings(List.of(active), List.of(confirmed)));
        assertThat(store().reads().customer(event.id(), "nobody", t0))
                .isEqualTo(new CustomerHoldings(List.of(), List.of()));
        assertThat(store().reads().customer(event.id(), ALICE, active.expiresAt()).holds()).as("due is not active")
                .isEmpty();
    }

    @Test
    void manyThreadsHoldingForOneCustomerNeverPassTheLimit() throws Exception {
        Event event = generalAdmission(100, 4);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> tries = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                int qty = 1 + i % 2;
                tries.add(() -> {
                    try {
                        return placeFor(ALICE, event, qty).qty();
                    } catch (CustomerLimitExceededException refused) {
                        return 0;
                    }
                });
            }
            int held = 0;
            for (Future<Integer> result : threads.invokeAll(tries)) {
                held += result.get();
            }
            assertThat(held).isBetween(3, 4);
            assertThat(counts(event, t0).held()).isEqualTo(held);
            assertThat(store().reads().customer(event.id(), ALICE, t0).holds().stream().mapToInt(Hold::qty).sum())
                    .isEqualTo(held);
        } finally {
            threads.shutdownNow();
        }
    }

    // --- partial holds --------------------------------------------------------------------------------------------

    @Test
    void aPartialHoldTakesWhatIsLeftIfAtLeastItsMinimum() {
        Event event = generalAdmission(10, null);
        place(event, 7);

        Hold partial = store().ledger()
                .execute(new PlaceHold(ordering(event, t0, TTL, new SeatRequest.Quantity(null, 5, 2)), t0)).value();

        assertThat(partial.qty()).isEqualTo(3);
        assertThat(partial.requestedQty()).isEqualTo(5);
        assertThat(store().reads().findHold(partial.id())).contains(partial);
        assertThat(counts(event, t0)).isEqualTo(new SeatCounts(10, 0, 10, 0));
        assertThatThrownBy(() -> store().ledger().execute(new PlaceHold(
                ordering(event, t0, TTL, new SeatRequest.Quantity(null, 5, 1)), t0)))
                .isInstanceOf(InsufficientSeatsException.class);
    }

    @Test
    void aPartialHoldBelowItsMinimumIsRefusedWholeWithTheOtherItems() {
        Event event = stored(EventFixtures.withSections(t0, Section.generalAdmission("a", "A", 10),
                Section.generalAdmission("b", "B", 3)));

        assertThatThrownBy(() -> store().ledger()
                .execute(new PlaceHold(ordering(event, t0, TTL, new SeatRequest.Quantity("a", 4),
                new SeatRequest.Quantity("b", 6, 4)), t0))).isInstanceOf(InsufficientSeatsException.class);

        assertThat(counts(event, t0)).isEqualTo(new SeatCounts(13, 13, 0, 0));
    }

    @Test
    void aPartialBestAvailableApartTakesTheFreeSeatsLeft() {
        Event event = stored(EventFixtures.withSections(t0, reservedSection("stalls", 1, 6)));
        store().ledger().execute(new PlaceHold(ordering(event, t0, TTL,
                new SeatRequest.Named("stalls", List.of("A-1", "A-2", "A-6"))), t0));

        Hold partial = store().ledger().execute(new PlaceHold(ordering(event, t0, TTL,
                new SeatRequest.Best("stalls", 4, false, false, 1)), t0)).value();

        assertThat(partial.items()).containsExactly(new HoldItem("stalls", 3, List.of("A-3", "A-4", "A-5")));
        assertThat(partial.requestedQty()).isEqualTo(4);
        assertThat(seats(event)).isEqualTo("HHHHHH");
    }
}
