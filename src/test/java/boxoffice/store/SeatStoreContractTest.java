package boxoffice.store;

import boxoffice.domain.Booking;
import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.domain.Hold;
import boxoffice.domain.HoldStatus;
import boxoffice.domain.Ids;
import boxoffice.domain.LedgerAudit;
import boxoffice.domain.Outcome;
import boxoffice.domain.SeatCounts;
import boxoffice.domain.Section;
import boxoffice.domain.StoreTotals;
import boxoffice.refusals.EventNotFoundException;
import boxoffice.refusals.HoldAlreadyBookedException;
import boxoffice.refusals.HoldExpiredException;
import boxoffice.refusals.HoldNotFoundException;
import boxoffice.refusals.IdempotencyKeyExpiredException;
import boxoffice.refusals.InsufficientSeatsException;
import boxoffice.refusals.InvalidPaymentTokenException;
import boxoffice.store.ledger.LedgerCommand.Book;
import boxoffice.store.ledger.LedgerCommand.PlaceHold;
import boxoffice.store.ledger.LedgerCommand.Release;
import boxoffice.store.ledger.LedgerCommand.ReleaseDue;
import boxoffice.testing.fixtures.BookingFixtures;
import boxoffice.testing.fixtures.EventFixtures;
import boxoffice.testing.fixtures.HoldFixtures;
import boxoffice.testing.fixtures.TestLedger;
import boxoffice.testing.fixtures.TestStores;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static boxoffice.testing.fixtures.HoldFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;


/**
 * The behaviour every ledger (its commands and its reads) and {@link IdempotencyKeys} must have. A subclass provides
 * the store under test (set up in its own {@code @BeforeEach}/{@code @BeforeAll}); the store may be shared between
 * tests and hold other tests' data, so every test works on fresh random event ids and compares totals before and
 * after (exact deltas: no other writer may use the store while one of these tests runs; JUnit runs them one at a
 * time). Every step is followed by a check of the event's counts, which also asserts {@code available + held + booked
 * == total}. For example:
 *
 * <pre>{@code
 * class RedisSeatStoreTest extends SeatStoreContractTest {
 *     @BeforeEach void connect() { ... }
 *     protected TestLedger store() { return store; }
 *     protected IdempotencyKeys idempotencyKeys() { return keys; }
 * }
 * }</pre>
 *
 * <p>Time is explicit: the tests pass {@code now} to the store, so expiry is tested without sleeping. {@code t0} is
 * the wall clock at millisecond precision, so that a store that also uses server-side TTLs sees sane times.
 */
public abstract class SeatStoreContractTest {
    protected static final Duration TTL = Duration.ofSeconds(120);
    private static final int ANY_NUMBER_OF_EVENTS = 100_000;

    protected abstract TestLedger store();

    protected abstract IdempotencyKeys idempotencyKeys();

    protected Instant t0;

    @BeforeEach
    void startTheClock() {
        t0 = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Helpers

    /** A new event with {@code seats} seats, stored. */
    protected Event newEvent(int seats) {
        Event event = EventFixtures.event(seats, t0);
        Event stored = store().ledger().createEvent(event);
        assertThat(stored).isEqualTo(event);
        assertCounts(event.id(), t0, seats, 0, 0);
        return event;
    }

    /** An active hold that expires {@link #TTL} after {@code t0}; not stored yet. */
    protected Hold newHold(Event event, int qty) {
        return newHoldAt(event, qty, t0);
    }

    /** An active hold made at {@code now} that expires {@link #TTL} later; not stored yet. */
    protected Hold newHoldAt(Event event, int qty, Instant now) {
        return HoldFixtures.active(event, qty, now, TTL);
    }

    /** Stores a new hold made at {@code now} and checks that it was stored as given. */
    protected Hold placeHoldAt(Event event, int qty, Instant now) {
        Hold hold = newHoldAt(event, qty, now);
        Outcome<Hold> outcome = store().ledger().execute(new PlaceHold(order(hold), now));
        assertThat(outcome.changed()).isTrue();
        assertThat(outcome.value()).isEqualTo(hold);
        return hold;
    }

    /** Stores a new hold and checks that it was stored as given. */
    protected Hold placeHold(Event event, int qty) {
        return placeHoldAt(event, qty, t0);
    }

    /** The event's counts at {@code now}, checked to balance: {@code available + held + booked == total}. */
    protected SeatCounts balancedCounts(String eventId, Instant now) {
        Optional<SeatCounts> found = store().reads().counts(eventId, now).map(EventCounts::total);
        assertThat(found).as("counts of event %s", eventId).isPresent();
        SeatCounts counts = found.get();
        assertThat(counts.available()).as("available").isNotNegative();
        assertThat(counts.held()).as("held").isNotNegative();
        assertThat(counts.booked()).as("booked").isNotNegative();
        assertThat(counts.available() + counts.held() + counts.booked())
                .as("available + held + booked == total in %s", counts)
                .isEqualTo(counts.total());
        return counts;
    }

    /** Checks the balance and the exact counts at {@code now}. */
    protected void assertCounts(String eventId, Instant now, int available, int held, int booked) {
        SeatCounts counts = balancedCounts(eventId, now);
        assertThat(counts).isEqualTo(new SeatCounts(available + held + booked, available, held, booked));
    }

    protected Hold storedHold(String holdId) {
        Optional<Hold> hold = store().reads().findHold(holdId);
        assertThat(hold).as("hold %s", holdId).isPresent();
        return hold.get();
    }

    private static String someOtherToken() {
        return Ids.newPaymentToken();
    }

    private static String newBookingId(Event event) {
        return BookingFixtures.newBookingId(event.id());
    }

    // --- Events
    @Test
    void createIsIdempotentByIdAndKeepsTheFirstEvent() {
        Event event = newEvent(10);
        Event sameIdOtherData = EventFixtures.sameIdOtherData(event);

        assertThat(store().ledger().createEvent(sameIdOtherData)).isEqualTo(event);
        assertThat(store().reads().findEvent(event.id())).contains(event);
        assertCounts(event.id(), t0, 10, 0, 0);
    }

    @Test
    void findsAStoredEvent() {
        Event event = newEvent(3);
        assertThat(store().reads().findEvent(event.id())).contains(event);
    }

    @Test
    void anEventKeepsItsOrganizer() {
        Event event = EventFixtures.event(3, t0).ownedBy("acme");
        assertThat(store().ledger().createEvent(event).organizer()).isEqualTo("acme");
        assertThat(store().reads().findEvent(event.id()).map(Event::organizer)).contains("acme");
    }

    @Test
    void unknownOrMalformedIdsAreNotFound() {
        String unknownEvent = Ids.newEventId();
        String childOfUnknownEvent = HoldFixtures.newHoldId(unknownEvent);

        assertThat(store().reads().findEvent(unknownEvent)).isEmpty();
        assertThat(store().reads().findEvent("nope")).isEmpty();
        assertThat(store().reads().counts(unknownEvent, t0).map(EventCounts::total)).isEmpty();
        assertThat(store().reads().counts("nope", t0).map(EventCounts::total)).isEmpty();
        assertThat(store().reads().findHold(childOfUnknownEvent)).isEmpty();
        assertThat(store().reads().findHold("nope")).isEmpty();
        assertThat(store().reads().findHold(unknownEvent)).isEmpty();
        assertThat(store().reads().findBooking(childOfUnknownEvent)).isEmpty();
        assertThat(store().reads().findBooking("nope")).isEmpty();
    }

    @Test
    void unknownHoldAndBookingOfAKnownEventAreNotFound() {
        Event event = newEvent(3);
        assertThat(store().reads().findHold(HoldFixtures.newHoldId(event.id()))).isEmpty();
        assertThat(store().reads().findBooking(newBookingId(event))).isEmpty();
    }

    // --- Holds
    @Test
    void holdTakesSeatsAndIsFoundById() {
        Event event = newEvent(10);

        Hold hold = placeHold(event, 4);

        assertThat(storedHold(hold.id())).isEqualTo(hold);
        assertCounts(event.id(), t0, 6, 4, 0);
        placeHold(event, 6);
        assertCounts(event.id(), t0, 0, 10, 0);
    }

    @Test
    void insufficientSeatsIsRefusedWithTheAvailableCountAndChangesNothing() {
        Event event = newEvent(5);
        placeHold(event, 3);
        Hold tooBig = newHold(event, 3);

        InsufficientSeatsException refusal = catchThrowableOfType(
                () -> store().ledger().execute(new PlaceHold(order(tooBig), t0)), InsufficientSeatsException.class);

        assertThat(refusal).isNotNull();
        assertThat(refusal.available()).isEqualTo(2);
        assertThat(store().reads().findHold(tooBig.id())).isEmpty();
        assertCounts(event.id(), t0, 2, 3, 0);
    }

    @Test
    void aHoldOfAllSeatsFitsAndOneMoreDoesNot() {
        Event event = newEvent(4);
        Hold tooBig = newHold(event, 5);

        assertThat(catchThrowableOfType(() -> store().ledger().execute(new PlaceHold(order(tooBig), t0)),
                InsufficientSeatsException.class)
                .available()).isEqualTo(4);
        assertCounts(event.id(), t0, 4, 0, 0);

        placeHold(event, 4);
        assertCounts(event.id(), t0, 0, 4, 0);
    }

    @Test
    void placeHoldIsIdempotentByHoldId() {
        Event event = newEvent(10);
        Hold hold = placeHold(event, 4);
        assertCounts(event.id(), t0, 6, 4, 0);

        Outcome<Hold> again = store().ledger().execute(new PlaceHold(order(hold), t0.plusSeconds(1)));

        assertThat(again.changed()).isFalse();
        assertThat(again.value()).isEqualTo(hold);
        assertCounts(event.id(), t0.plusSeconds(1), 6, 4, 0);
    }

    @Test
    void placeHoldRetryOfAFinishedHoldReturnsItUnchanged() {
        Event event = newEvent(10);
        Hold hold = placeHold(event, 4);
        store().ledger().execute(new Release(hold.id(), Optional.empty(), t0.plusSeconds(1)));
        assertCounts(event.id(), t0.plusSeconds(1), 10, 0, 0);

        Outcome<Hold> retry = store().ledger().execute(new PlaceHold(order(hold), t0.plusSeconds(2)));

        assertThat(retry.changed()).isFalse();
        assertThat(retry.value().status()).isEqualTo(HoldStatus.EXPIRED);
        assertCounts(event.id(), t0.plusSeconds(2), 10, 0, 0);
    }

    @Test
    void aHoldWhoseIdWasIssuedBeforeTheRetentionIsNeverPlaced() {
        Event event = newEvent(10);
        Instant issued = t0.minus(TestStores.RETENTION).minusSeconds(1);
        Hold stale = HoldFixtures.withIdIssuedAt(newHold(event, 2), issued);

        assertThatThrownBy(() -> store().ledger().execute(new PlaceHold(order(stale), t0)))
                .isInstanceOf(IdempotencyKeyExpiredException.class);
        assertThat(store().reads().findHold(stale.id())).isEmpty();
        assertCounts(event.id(), t0, 10, 0, 0);
    }

    @Test
    void aBookedHoldIsNeverPlacedAgainEvenAfterItsRecordCouldBeForgotten() {
        Event event = newEvent(10);
        Hold hold = placeHold(event, 2);
        store().ledger().execute(new Book(hold.id(), hold.paymentToken(), newBookingId(event), t0.plusSeconds(1)));
        Instant later = t0.plus(TestStores.RETENTION).plusSeconds(2);
        store().ledger().execute(new PlaceHold(order(newHoldAt(event, 1, later)),
                later)); // a commit after the retention (a store forgets here)

        Throwable retry = catchThrowable(() -> {
            Outcome<Hold> outcome = store().ledger().execute(new PlaceHold(order(hold), later));
            assertThat(outcome.changed()).as("a store that still remembers the hold answers it unchanged").isFalse();
            assertThat(outcome.value().status()).isEqualTo(HoldStatus.BOOKED);
        });

        assertThat(retry).as("a store that forgot the hold refuses its id").satisfiesAnyOf(
                failure -> assertThat(failure).isNull(),
                failure -> assertThat(failure).isInstanceOf(IdempotencyKeyExpiredException.class));
        assertCounts(event.id(), later, 7, 1, 2);
    }

    @Test
    void placeHoldOnAnUnknownEventIsEventNotFound() {
        Event unknown = EventFixtures.event(10, t0); // never stored
        Hold hold = newHold(unknown, 1);

        assertThatThrownBy(() -> store().ledger().execute(new PlaceHold(order(hold), t0)))
                .isInstanceOf(EventNotFoundException.class);
        assertThat(store().reads().findHold(hold.id())).isEmpty();
        assertThat(store().reads().findEvent(unknown.id())).isEmpty();
    }

    // --- Booking
    @Test
    void bookWithTheRightTokenBooksTheHold() {
        Event event = newEvent(10);
        Hold hold = placeHold(event, 3);
        String bookingId = newBookingId(event);
        Instant when = t0.plusSeconds(30);

        Outcome<Booking> outcome = store().ledger().execute(new Book(hold.id(), hold.paymentToken(), bookingId, when));

        assertThat(outcome.changed()).isTrue();
        Booking booking = outcome.value();
        assertThat(booking.id()).isEqualTo(bookingId);
        assertThat(booking.holdId()).isEqualTo(hold.id());
        assertThat(booking.eventId()).isEqualTo(event.id());
        assertThat(booking.qty()).isEqualTo(3);
        assertThat(booking.createdAt()).isEqualTo(when);
        assertThat(store().reads().findBooking(bookingId)).contains(booking);
        Hold booked = storedHold(hold.id());
        assertThat(booked.status()).isEqualTo(HoldStatus.BOOKED);
        assertThat(booked.bookingId()).isEqualTo(bookingId);
        assertThat(booked.statusAt(t0.plus(TTL).plusSeconds(1))).isEqualTo(HoldStatus.BOOKED);
        assertCounts(event.id(), when, 7, 0, 3);
    }

    @Test
    void bookingAgainReturnsTheSameBookingAndChangesNothing() {
        Event event = newEvent(10);
        Hold hold = placeHold(event, 3);
        Booking first = store().ledger()
                .execute(new Book(hold.id(), hold.paymentToken(), newBookingId(event), t0.plusSeconds(1))).value();
        assertCounts(event.id(), t0.plusSeconds(1), 7, 0, 3);

        Outcome<Booking> again = store().ledger()
                .execute(new Book(hold.id(), hold.paymentToken(), newBookingId(event), t0.plusSeconds(2)));

        assertThat(again.changed()).isFalse();
        assertThat(again.value()).isEqualTo(first);
        assertThat(storedHold(hold.id()).bookingId()).isEqualTo(first.id());
        assertCounts(event.id(), t0.plusSeconds(2), 7, 0, 3);
    }

    @Test
    void bookingAgainAfterTheTtlStillReturnsTheSameBooking() {
        Event event = newEvent(10);
        Hold hold = placeHold(event, 3);
        Booking first = store().ledger()
                .execute(new Book(hold.id(), hold.paymentToken(), newBookingId(event), t0.plusSeconds(1))).value();
        Instant afterTtl = hold.expiresAt().plusSeconds(60);

        Outcome<Booking> again = store().ledger()
                .execute(new Book(hold.id(), hold.paymentToken(), newBookingId(event), afterTtl));

        assertThat(again.changed()).isFalse();
        assertThat(again.value()).isEqualTo(first);
        assertThat(storedHold(hold.id()).status()).isEqualTo(HoldStatus.BOOKED);
        assertCounts(event.id(), afterTtl, 7, 0, 3);
    }

    @Test
    void wrongTokenIsRefusedAndChangesNothing() {
        Event event = newEvent(10);
        Hold hold = placeHold(event, 3);
        String bookingId = newBookingId(event);

        assertThatThrownBy(() -> store().ledger()
                .execute(new Book(hold.id(), someOtherToken(), bookingId, t0.plusSeconds(1))))
                .isInstanceOf(InvalidPaymentTokenException.class);
        assertThatThrownBy(() -> store().ledger().execute(new Book(hold.id(), "", bookingId, t0.plusSeconds(1))))
                .isInstanceOf(InvalidPaymentTokenException.class);

        assertThat(storedHold(hold.id())).isEqualTo(hold);
        assertThat(store().reads().findBooking(bookingId)).isEmpty();
        assertCounts(event.id(), t0.plusSeconds(1), 7, 3, 0);
    }

    @Test
    void wrongTokenOnABookedHoldIsRefusedAndChangesNothing() {
        Event event = newEvent(10);
        Hold hold = placeHold(event, 3);
        Booking booking = store().ledger()
                .execute(new Book(hold.id(), hold.paymentToken(), newBookingId(event), t0.plusSeconds(1))).value();

        assertThatThrownBy(() -> store().ledger()
                .execute(new Book(hold.id(), someOtherToken(), newBookingId(event), t0.plusSeconds(2))))
                .isInstanceOf(InvalidPaymentTokenException.class);

        assertThat(storedHold(hold.id()).bookingId()).isEqualTo(booking.id());
        assertThat(store().reads().findBooking(booking.id())).contains(booking);
        assertCounts(event.id(), t0.plusSeconds(2), 7, 0, 3);
    }

    @Test
    void bookingAfterExpiryIsRefusedAndTheSeatsComeBack() {
        Event event = newEvent(10);
        Hold hold = placeHold(event, 3);
        String bookingId = newBookingId(event);
        Instant afterExpiry = hold.expiresAt().plusSeconds(1);

        assertThatThrownBy(() -> store().ledger()
                .execute(new Book(hold.id(), hold.paymentToken(), bookingId, afterExpiry)))
                .isInstanceOf(HoldExpiredException.class);

        assertThat(storedHold(hold.id()).statusAt(afterExpiry)).isEqualTo(HoldStatus.EXPIRED);
        assertThat(store().reads().findBooking(bookingId)).isEmpty();
        assertCounts(event.id(), afterExpiry, 10, 0, 0);
    }

    @Test
    void bookingAtExactlyExpiresAtIsRefused() {
        Event event = newEvent(10);
        Hold hold = placeHold(event, 3);

        assertThatThrownBy(() -> store().ledger()
                .execute(new Book(hold.id(), hold.paymentToken(), newBookingId(event), hold.expiresAt())))
                .isInstanceOf(HoldExpiredException.class);
        assertCounts(event.id(), hold.expiresAt(), 10, 0, 0);
    }

    @Test
    void bookingAReleasedHoldIsRefused() {
        Event event = newEvent(10);
        Hold hold = placeHold(event, 3);
        store().ledger().execute(new Release(hold.id(), Optional.of(hold.paymentToken()), t0.plusSeconds(1)));

        assertThatThrownBy(() -> store().ledger()
                .execute(new Book(hold.id(), hold.paymentToken(), newBookingId(event), t0.plusSeconds(2))))
                .isInstanceOf(HoldExpiredException.class);
        assertThat(storedHold(hold.id()).status()).isEqualTo(HoldStatus.EXPIRED);
        assertCounts(event.id(), t0.plusSeconds(2), 10, 0, 0);
    }

    // --- Expiry
    @Test
    void countsShowDueHoldsAsAvailableBeforeAnyMutation() {
        Event event = newEvent(10);
        Hold hold = placeHold(event, 4);

        assertCounts(event.id(), hold.expiresAt().minusMillis(1), 6, 4, 0);
        assertCounts(event.id(), hold.expiresAt(), 10, 0, 0);
        assertCounts(event.id(), hold.expiresAt().plusSeconds(1), 10, 0, 0);
        assertThat(storedHold(hold.id()).statusAt(hold.expiresAt())).isEqualTo(HoldStatus.EXPIRED);
        assertThat(storedHold(hold.id()).statusAt(hold.expiresAt().minusMillis(1))).isEqualTo(HoldStatus.ACTIVE);
    }

    @Test
    void theNextHoldAfterExpiryGetsTheReleasedSeatsAtOnce() {
        Event event = newEvent(5);
        Hold first = placeHold(event, 5);
        Instant justBefore = first.expiresAt().minusMillis(1);
        assertThatThrownBy(() -> store().ledger()
                .execute(new PlaceHold(order(newHoldAt(event, 1, justBefore)), justBefore)))
                .isInstanceOf(InsufficientSeatsException.class);
        assertCounts(event.id(), justBefore, 0, 5, 0);
        Hold second = newHoldAt(event, 5, first.expiresAt());

        Outcome<Hold> outcome = store().ledger().execute(new PlaceHold(order(second), first.expiresAt()));

        assertThat(outcome.changed()).isTrue();
        assertThat(storedHold(first.id()).status()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(storedHold(second.id()).status()).isEqualTo(HoldStatus.ACTIVE);
        assertCounts(event.id(), first.expiresAt(), 0, 5, 0);
    }

    @Test
    void countsAgreeWithWhatTheNextHoldGetsEvenBetweenMilliseconds() {
        Event event = newEvent(2);
        Instant expiresAt = t0.plus(TTL).plusNanos(500_000);
        Hold hold = HoldFixtures.activeUntil(event, 2, t0, expiresAt);
        store().ledger().execute(new PlaceHold(order(hold), t0));

        for (Instant now : new Instant[] {t0.plus(TTL), t0.plus(TTL).plusNanos(100_000), expiresAt}) {
            int available = balancedCounts(event.id(), now).available();
            InsufficientSeatsException refusal = catchThrowableOfType(
                    () -> store().ledger().execute(new PlaceHold(order(newHoldAt(event, available + 1, now)), now)),
                    InsufficientSeatsException.class);
            assertThat(refusal).as("a hold of one more seat than counts(%s) shows", now).isNotNull();
            assertThat(refusal.available()).as("seats a hold at %s can get", now).isEqualTo(available);
        }
        assertCounts(event.id(), expiresAt, 2, 0, 0);
    }

    @Test
    void releaseDueReleasesExactlyTheDueHoldsOnce() {
        Event event = newEvent(20);
        Hold due1 = placeHold(event, 2);
        Hold due2 = placeHold(event, 3);
        Hold later = HoldFixtures.active(event, 4, t0, TTL.plusSeconds(60));
        store().ledger().execute(new PlaceHold(order(later), t0));
        Hold booked = placeHold(event, 1);
        store().ledger().execute(new Book(booked.id(), booked.paymentToken(), newBookingId(event), t0.plusSeconds(1)));
        Instant sweep = t0.plus(TTL).plusSeconds(1);
        assertCounts(event.id(), t0.plusSeconds(1), 10, 9, 1);

        assertThat(store().ledger().execute(new ReleaseDue(event.id(), sweep))).isEqualTo(2);

        assertThat(storedHold(due1.id()).status()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(storedHold(due2.id()).status()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(storedHold(later.id()).status()).isEqualTo(HoldStatus.ACTIVE);
        assertThat(storedHold(booked.id()).status()).isEqualTo(HoldStatus.BOOKED);
        assertCounts(event.id(), sweep, 15, 4, 1);

        assertThat(store().ledger().execute(new ReleaseDue(event.id(), sweep))).isZero();
        assertThat(store().ledger().execute(new ReleaseDue(event.id(), sweep.plusSeconds(1)))).isZero();
        assertCounts(event.id(), sweep.plusSeconds(1), 15, 4, 1);
    }

    @Test
    void releaseDueWithNothingDueReleasesNothing() {
        Event event = newEvent(5);
        Hold hold = placeHold(event, 2);

        assertThat(store().ledger().execute(new ReleaseDue(event.id(), t0.plusSeconds(1)))).isZero();

        assertThat(storedHold(hold.id()).status()).isEqualTo(HoldStatus.ACTIVE);
        assertCounts(event.id(), t0.plusSeconds(1), 3, 2, 0);
    }

    @Test
    void releaseDueDoesNotCountHoldsExpiredEarlierByAnotherMutation() {
        Event event = newEvent(5);
        Hold hold = placeHold(event, 2);
        Instant afterExpiry = hold.expiresAt().plusSeconds(1);
        placeHoldAt(event, 1, afterExpiry);
        assertThat(storedHold(hold.id()).status()).isEqualTo(HoldStatus.EXPIRED);

        assertThat(store().ledger().execute(new ReleaseDue(event.id(), afterExpiry))).isZero();
        assertCounts(event.id(), afterExpiry, 4, 1, 0);
    }

    @Test
    void eventsWithDueHoldsListsTheEventUntilItsHoldsAreReleased() {
        Event event = newEvent(5);
        Hold hold = placeHold(event, 2);

        assertThat(store().reads().eventsWithDueHolds(hold.expiresAt().minusMillis(1), ANY_NUMBER_OF_EVENTS))
                .doesNotContain(event.id());
        assertThat(store().reads().eventsWithDueHolds(hold.expiresAt(), ANY_NUMBER_OF_EVENTS)).contains(event.id());

        assertThat(store().ledger().execute(new ReleaseDue(event.id(), hold.expiresAt()))).isEqualTo(1);

        assertThat(store().reads().eventsWithDueHolds(hold.expiresAt(), ANY_NUMBER_OF_EVENTS))
                .doesNotContain(event.id());
        assertThat(store().reads().eventsWithDueHolds(hold.expiresAt().plus(TTL), ANY_NUMBER_OF_EVENTS))
                .doesNotContain(event.id());
        assertCounts(event.id(), hold.expiresAt(), 5, 0, 0);
    }

    @Test
    void aBookedOrReleasedHoldIsNeverDue() {
        Event event = newEvent(5);
        Hold booked = placeHold(event, 2);
        Hold released = placeHold(event, 2);
        store().ledger().execute(new Book(booked.id(), booked.paymentToken(), newBookingId(event), t0.plusSeconds(1)));
        store().ledger().execute(new Release(released.id(), Optional.empty(), t0.plusSeconds(1)));

        // eventsWithDueHolds may still list the event (a store's due index may lag); releasing finds nothing.
        Instant later = t0.plus(TTL).plusSeconds(1);
        assertThat(store().ledger().execute(new ReleaseDue(event.id(), later))).isZero();
        assertThat(store().reads().eventsWithDueHolds(later, ANY_NUMBER_OF_EVENTS)).doesNotContain(event.id());
        assertCounts(event.id(), later, 3, 0, 2);
    }


    // --- Release
    @Test
    void releaseWithTheTokenExpiresTheHoldAndReturnsTheSeats() {
        Event event = newEvent(10);
        Hold hold = placeHold(event, 4);

        Outcome<Hold> outcome = store().ledger()
                .execute(new Release(hold.id(), Optional.of(hold.paymentToken()), t0.plusSeconds(1)));

        assertThat(outcome.changed()).isTrue();
        assertThat(outcome.value().id()).isEqualTo(hold.id());
        assertThat(outcome.value().status()).isEqualTo(HoldStatus.EXPIRED);
        assertThat(storedHold(hold.id()).status()).isEqualTo(HoldStatus.EXPIRED);
        assertCounts(event.id(), t0.plusSeconds(1), 10, 0, 0);
    }

    @Test
    void releasingAgainChangesNothing() {
        Event event = newEvent(10);
        Hold hold = placeHold(event, 4);
        store().ledger().execute(new Release(hold.id(), Optional.of(hold.paymentToken()), t0.plusSeconds(1)));
        placeHold(event, 8);
        assertCounts(event.id(), t0.plusSeconds(1), 2, 8, 0);

        Outcome<Hold> again = store().ledger()
                .execute(new Release(hold.id(), Optional.of(hold.paymentToken()), t0.plusSeconds(2)));

        assertThat(again.changed()).isFalse();
        assertThat(again.value().status()).isEqualTo(HoldStatus.EXPIRED);
        assertCounts(event.id(), t0.plusSeconds(2), 2, 8, 0);
    }

    @Test
    void releasingAHoldThatTimedOutReportsNoChange() {
        Event event = newEvent(10);
        Hold hold = placeHold(event, 4);
        Instant afterExpiry = hold.expiresAt().plusSeconds(1);

        Outcome<Hold> outcome = store().ledger()
                .execute(new Release(hold.id(), Optional.of(hold.paymentToken()), afterExpiry));

        assertThat(outcome.changed()).isFalse();
        assertThat(outcome.value().status()).isEqualTo(HoldStatus.EXPIRED);
        assertCounts(event.id(), afterExpiry, 10, 0, 0);
    }

    @Test
    void releasingABookedHoldIsRefused() {
        Event event = newEvent(10);
        Hold hold = placeHold(event, 4);
        store().ledger().execute(new Book(hold.id(), hold.paymentToken(), newBookingId(event), t0.plusSeconds(1)));

        assertThatThrownBy(() -> store().ledger()
                .execute(new Release(hold.id(), Optional.of(hold.paymentToken()), t0.plusSeconds(2))))
                .isInstanceOf(HoldAlreadyBookedException.class);
        assertThatThrownBy(() -> store().ledger().execute(new Release(hold.id(), Optional.empty(), t0.plusSeconds(2))))
                .isInstanceOf(HoldAlreadyBookedException.class);

        assertThat(storedHold(hold.id()).status()).isEqualTo(HoldStatus.BOOKED);
        assertCounts(event.id(), t0.plusSeconds(2), 6, 0, 4);
    }

    @Test
    void releaseWithAWrongTokenIsRefusedAndChangesNothing() {
        Event event = newEvent(10);
        Hold hold = placeHold(event, 4);

        assertThatThrownBy(() -> store().ledger()
                .execute(new Release(hold.id(), Optional.of(someOtherToken()), t0.plusSeconds(1))))
                .isInstanceOf(InvalidPaymentTokenException.class);

        assertThat(storedHold(hold.id())).isEqualTo(hold);
        assertCounts(event.id(), t0.plusSeconds(1), 6, 4, 0);
    }

    @Test
    void anOrganizerReleasesWithoutAToken() {
        Event event = newEvent(10);
        Hold hold = placeHold(event, 4);

        Outcome<Hold> outcome = store().ledger().execute(new Release(hold.id(), Optional.empty(), t0.plusSeconds(1)));

        assertThat(outcome.changed()).isTrue();
        assertThat(outcome.value().status()).isEqualTo(HoldStatus.EXPIRED);
        assertCounts(event.id(), t0.plusSeconds(1), 10, 0, 0);
    }

    // --- UnknownHolds
    @Test
    void holdOfAnUnknownEventIsNotFound() {
        String holdId = HoldFixtures.newHoldId(Ids.newEventId());

        assertThatThrownBy(() -> store().ledger()
                .execute(new Book(holdId, "pt_x", BookingFixtures.newBookingId(Ids.newEventId()), t0)))
                .isInstanceOf(HoldNotFoundException.class);
        assertThatThrownBy(() -> store().ledger().execute(new Release(holdId, Optional.of("pt_x"), t0)))
                .isInstanceOf(HoldNotFoundException.class);
        assertThatThrownBy(() -> store().ledger().execute(new Release(holdId, Optional.empty(), t0)))
                .isInstanceOf(HoldNotFoundException.class);
    }

    @Test
    void unknownHoldOfAKnownEventIsNotFoundAndChangesNothing() {
        Event event = newEvent(5);
        placeHold(event, 2);
        String holdId = HoldFixtures.newHoldId(event.id());

        assertThatThrownBy(() -> store().ledger().execute(new Book(holdId, "pt_x", newBookingId(event), t0)))
                .isInstanceOf(HoldNotFoundException.class);
        assertThatThrownBy(() -> store().ledger().execute(new Release(holdId, Optional.empty(), t0)))
                .isInstanceOf(HoldNotFoundException.class);
        assertCounts(event.id(), t0, 3, 2, 0);
    }

    @Test
    void malformedHoldIdsAreNotFound() {
        for (String malformed : new String[] {"nope", "", Ids.newEventId(), Ids.newEventId() + "_short"}) {
            assertThatThrownBy(() -> store().ledger().execute(new Book(malformed, "pt_x", "b", t0)))
                    .as("book(%s)", malformed)
                    .isInstanceOf(HoldNotFoundException.class);
            assertThatThrownBy(() -> store().ledger().execute(new Release(malformed, Optional.empty(), t0)))
                    .as("release(%s)", malformed)
                    .isInstanceOf(HoldNotFoundException.class);
        }
    }

    // --- Totals
    @Test
    void totalsFollowCreatedExpiredAndBookedHolds() {
        StoreTotals before = store().reads().totals();

        Event event = newEvent(10);
        Hold booked = placeHold(event, 3);
        Hold released = placeHold(event, 2);
        Hold timedOut = placeHold(event, 1);
        placeHold(event, 4);
        store().ledger().execute(new Book(booked.id(), booked.paymentToken(), newBookingId(event), t0.plusSeconds(1)));
        store().ledger().execute(new Release(released.id(), Optional.empty(), t0.plusSeconds(1)));
        StoreTotals middle = store().reads().totals();

        assertThat(middle.events() - before.events()).isEqualTo(1);
        assertThat(middle.seats().total() - before.seats().total()).isEqualTo(10);
        assertThat(middle.seats().available() - before.seats().available()).isEqualTo(2);
        assertThat(middle.seats().held() - before.seats().held()).isEqualTo(5);
        assertThat(middle.seats().booked() - before.seats().booked()).isEqualTo(3);
        assertThat(middle.holdsCreated() - before.holdsCreated()).isEqualTo(4);
        assertThat(middle.holdsExpired() - before.holdsExpired()).isEqualTo(1);
        assertThat(middle.bookings() - before.bookings()).isEqualTo(1);
        assertThat(middle.activeHolds() - before.activeHolds()).isEqualTo(2);
        assertCounts(event.id(), t0.plusSeconds(1), 2, 5, 3);

        // Everything still held times out; a booking retry and a refused hold change no tally.
        Instant later = timedOut.expiresAt().plusSeconds(1);
        assertThat(store().ledger().execute(new ReleaseDue(event.id(), later))).isEqualTo(2);
        store().ledger().execute(new Book(booked.id(), booked.paymentToken(), newBookingId(event), later));
        assertThatThrownBy(() -> store().ledger().execute(new PlaceHold(order(newHold(event, 8)), later)))
                .isInstanceOf(InsufficientSeatsException.class);
        StoreTotals after = store().reads().totals();

        assertThat(after.events() - before.events()).isEqualTo(1);
        assertThat(after.seats().available() - before.seats().available()).isEqualTo(7);
        assertThat(after.seats().held() - before.seats().held()).isZero();
        assertThat(after.seats().booked() - before.seats().booked()).isEqualTo(3);
        assertThat(after.holdsCreated() - before.holdsCreated()).isEqualTo(4);
        assertThat(after.holdsExpired() - before.holdsExpired()).isEqualTo(3);
        assertThat(after.bookings() - before.bookings()).isEqualTo(1);
        assertThat(after.activeHolds() - before.activeHolds()).isZero();
        assertCounts(event.id(), later, 7, 0, 3);
    }

    @Test
    void creatingAnEventTwiceCountsItOnce() {
        StoreTotals before = store().reads().totals();
        Event event = newEvent(7);
        store().ledger().createEvent(event);

        StoreTotals after = store().reads().totals();

        assertThat(after.events() - before.events()).isEqualTo(1);
        assertThat(after.seats().total() - before.seats().total()).isEqualTo(7);
    }

    // --- IdempotencyKeysContract
    private static final Duration RETENTION = Duration.ofMinutes(5);

    @Test
    void firstClaimWinsAndLaterClaimsReadItsRecord() {
        String scope = "holds";
        String key = "key-" + UUID.randomUUID();
        IdempotencyRecord first = new IdempotencyRecord("fp-1", HoldFixtures.newHoldId(Ids.newEventId()), t0);
        IdempotencyRecord second = new IdempotencyRecord("fp-2", HoldFixtures.newHoldId(Ids.newEventId()), t0);

        assertThat(idempotencyKeys().claim(scope, key, first, RETENTION)).isEmpty();

        Optional<IdempotencyRecord> stored = idempotencyKeys().claim(scope, key, second, RETENTION);
        assertThat(stored).isPresent();
        assertThat(stored.get().fingerprint()).isEqualTo("fp-1");
        assertThat(stored.get().resourceId()).isEqualTo(first.resourceId());
        Optional<IdempotencyRecord> again = idempotencyKeys().claim(scope, key, first, RETENTION);
        assertThat(again.map(IdempotencyRecord::resourceId)).contains(first.resourceId());
    }

    @Test
    void racingClaimsOfOneKeyHaveExactlyOneWinner() throws Exception {
        String key = "key-" + UUID.randomUUID();
        int racers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Optional<IdempotencyRecord>>> claims = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                IdempotencyRecord proposed = new IdempotencyRecord("fp-" + i, "r-" + i, t0);
                claims.add(pool.submit(() -> {
                    start.await();
                    return idempotencyKeys().claim("holds", key, proposed, RETENTION);
                }));
            }
            start.countDown();
            List<Optional<IdempotencyRecord>> results = new ArrayList<>();
            for (Future<Optional<IdempotencyRecord>> claim : claims) {
                results.add(claim.get(10, TimeUnit.SECONDS));
            }

            assertThat(results.stream().filter(Optional::isEmpty).count()).as("winners").isEqualTo(1);
            int winner = results.indexOf(Optional.empty());
            assertThat(results.stream().flatMap(Optional::stream).map(IdempotencyRecord::resourceId))
                    .hasSize(racers - 1)
                    .containsOnly("r-" + winner);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void forgetLetsTheKeyBeClaimedAgain() {
        String scope = "holds";
        String key = "key-" + UUID.randomUUID();
        IdempotencyRecord first = new IdempotencyRecord("fp-1", "r-1", t0);
        IdempotencyRecord retry = new IdempotencyRecord("fp-2", "r-2", t0);
        assertThat(idempotencyKeys().claim(scope, key, first, RETENTION)).isEmpty();

        idempotencyKeys().forget(scope, key);

        assertThat(idempotencyKeys().claim(scope, key, retry, RETENTION)).isEmpty();
        assertThat(idempotencyKeys().claim(scope, key, first, RETENTION).map(IdempotencyRecord::fingerprint))
                .contains("fp-2");
    }

    @Test
    void scopesAreIndependent() {
        String key = "key-" + UUID.randomUUID();
        IdempotencyRecord record = new IdempotencyRecord("fp", "r", t0);

        assertThat(idempotencyKeys().claim("holds", key, record, RETENTION)).isEmpty();
        assertThat(idempotencyKeys().claim("events", key, record, RETENTION)).isEmpty();
    }

    @Test
    void forgettingAnUnknownKeyIsHarmless() {
        String key = "key-" + UUID.randomUUID();
        idempotencyKeys().forget("holds", key);
        assertThat(idempotencyKeys().claim("holds", key, new IdempotencyRecord("fp", "r", t0), RETENTION))
                .isEmpty();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Ledger audit

    @Test
    void auditAgreesWithHoldsAndBookingsAfterEveryKindOfChange() {
        Event event = newEvent(20);
        Hold booked = placeHold(event, 3);
        store().ledger().execute(new Book(booked.id(), booked.paymentToken(), newBookingId(event), t0));
        Hold released = placeHold(event, 4);
        store().ledger().execute(new Release(released.id(), Optional.empty(), t0));
        placeHold(event, 5);
        Hold due = placeHold(event, 2);
        store().ledger().execute(new ReleaseDue(event.id(), due.expiresAt()));

        Optional<LedgerAudit> audit = store().reads().audit(event.id());

        assertThat(audit).isPresent();
        assertThat(audit.get().balanced()).as(audit.get().toString()).isTrue();
        assertThat(audit.get().heldByActiveHolds()).isZero();
        assertThat(audit.get().bookedByBookings()).isEqualTo(3);
        assertThat(audit.get()).isEqualTo(new LedgerAudit(event.id(), 20, 17, 0, 3, 0, 3, 0,
                List.of(new LedgerAudit.SectionAudit(Section.GENERAL, 20, 17, 0, 3, 0, 3, null, null))));
    }

    @Test
    void auditCountsActiveHoldsBeforeTheyAreReleased() {
        Event event = newEvent(10);
        placeHold(event, 4);

        LedgerAudit audit = store().reads().audit(event.id()).orElseThrow();

        assertThat(audit.balanced()).isTrue();
        assertThat(audit.heldByActiveHolds()).isEqualTo(4);
    }

    @Test
    void auditOfAnUnknownEventIsEmptyAndEventIdsListEveryEvent() {
        Event event = newEvent(1);

        assertThat(store().reads().audit(Ids.newEventId())).isEmpty();
        assertThat(store().reads().eventIds()).contains(event.id());
    }
}
