package boxoffice.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import boxoffice.domain.Booking;
import boxoffice.domain.BookingStatus;
import boxoffice.domain.Change;
import boxoffice.domain.ChangeType;
import boxoffice.domain.Event;
import boxoffice.domain.Hold;
import boxoffice.domain.HoldOrder;
import boxoffice.domain.HoldStatus;
import boxoffice.domain.Ids;
import boxoffice.domain.Outcome;
import boxoffice.domain.SeatCounts;
import boxoffice.domain.SeatRequest;
import boxoffice.domain.Section;
import boxoffice.refusals.BookingNotFoundException;
import boxoffice.refusals.BoxOfficeException;
import boxoffice.refusals.CustomerLimitExceededException;
import boxoffice.refusals.HoldAlreadyBookedException;
import boxoffice.refusals.HoldExpiredException;
import boxoffice.refusals.HoldNotFoundException;
import boxoffice.refusals.IdempotencyKeyExpiredException;
import boxoffice.refusals.InsufficientSeatsException;
import boxoffice.refusals.InvalidFieldException;
import boxoffice.refusals.InvalidPaymentTokenException;
import boxoffice.testing.fixtures.EventFixtures;
import boxoffice.testing.fixtures.HoldFixtures;
import boxoffice.testing.fixtures.TestStores;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link EventLedger}'s rules on a snapshot built in memory: a 10-seat event with an active hold of 2, a hold of 1
 * that fell due and is not released yet, a released hold, a booked hold of 3 and a cancelled booking. A refusal or a
 * replay changes nothing; a change moves the counts, records the hold or booking and writes the feed. The limit per
 * customer is checked on another event, of at most 4 seats per customer.
 */
class EventLedgerTest {
    private static final Instant NOW = Instant.parse("2026-06-01T20:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(5);
    private static final Event EVENT = EventFixtures.event(10, NOW.minus(Duration.ofHours(1)));
    private static final Hold ACTIVE = HoldFixtures.active(EVENT, 2, NOW.minusSeconds(60), TTL);
    private static final Hold DUE = HoldFixtures.active(EVENT, 1, NOW.minus(Duration.ofMinutes(10)), TTL);
    private static final Hold RELEASED = HoldFixtures.active(EVENT, 1, NOW.minus(Duration.ofMinutes(20)), TTL)
            .withStatus(HoldStatus.EXPIRED);
    private static final Hold PAID = HoldFixtures.active(EVENT, 3, NOW.minusSeconds(120), TTL);
    private static final Booking BOOKING = booking(PAID);
    private static final Hold BOOKED = PAID.booked(BOOKING.id());
    private static final Booking CANCELLED = booking(HoldFixtures.active(EVENT, 1, NOW.minus(Duration.ofMinutes(30)),
            TTL)).cancelled(NOW.minus(Duration.ofMinutes(25)), "sold in error");
    private static final Event LIMITED = EventFixtures.limitedTo(4, NOW.minus(Duration.ofHours(1)),
            Section.generalAdmission("floor", "Floor", 10));
    /** The snapshot's counts: the active and the due hold's seats held, the booked hold's booked. */
    private static final SeatCounts BEFORE = new SeatCounts(10, 4, 3, 3);

    private final EventLedger ledger = new EventLedger(LedgerSnapshots.of(EVENT,
            List.of(ACTIVE, DUE, RELEASED, BOOKED), List.of(BOOKING, CANCELLED)), NOW, TestStores.RETENTION);

    @Test
    void placingAHoldHoldsItsSeatsAndRecordsIt() {
        HoldOrder order = HoldFixtures.ordering(EVENT, NOW, TTL, new SeatRequest.Quantity(null, 3));

        Outcome<Hold> placed = ledger.placeHold(order);

        assertThat(placed.changed()).isTrue();
        assertThat(placed.value()).isEqualTo(order.granted(placed.value().items()));
        assertThat(placed.value().qty()).isEqualTo(3);
        assertChanged(new SeatCounts(10, 1, 6, 3), ChangeType.HOLD_CREATED);
        assertThat(ledger.changes().holds()).containsExactly(placed.value());
        assertThat(ledger.changes().holdsCreated()).isEqualTo(1);
    }

    @Test
    void aPartialQuantityTakesWhatIsLeftIfAtLeastItsMinimum() {
        Hold placed = ledger.placeHold(HoldFixtures.ordering(EVENT, NOW, TTL, new SeatRequest.Quantity(null, 6, 2)))
                .value();

        assertThat(placed.qty()).isEqualTo(4);
        assertThat(placed.requestedQty()).isEqualTo(6);
        assertChanged(new SeatCounts(10, 0, 7, 3), ChangeType.HOLD_CREATED);
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("placing more seats than are available", InsufficientSeatsException.class,
                        ledger -> ledger.placeHold(HoldFixtures.ordering(EVENT, NOW, TTL,
                                new SeatRequest.Quantity(null, 5)))),
                refusal("placing a hold whose id was issued a retention ago", IdempotencyKeyExpiredException.class,
                        ledger -> ledger.placeHold(orderWithIdIssuedAt(NOW.minus(TestStores.RETENTION)))),
                refusal("placing a hold whose id was issued over a minute ahead", IdempotencyKeyExpiredException.class,
                        ledger -> ledger.placeHold(orderWithIdIssuedAt(NOW.plus(Duration.ofMinutes(2))))),
                refusal("booking a hold nobody placed", HoldNotFoundException.class,
                        ledger -> ledger.book(Ids.newChildId(EVENT.id(), NOW), ACTIVE.paymentToken(), newId())),
                refusal("booking with another hold's token", InvalidPaymentTokenException.class,
                        ledger -> ledger.book(ACTIVE.id(), DUE.paymentToken(), newId())),
                refusal("booking a released hold", HoldExpiredException.class,
                        ledger -> ledger.book(RELEASED.id(), RELEASED.paymentToken(), newId())),
                refusal("extending a booked hold", HoldAlreadyBookedException.class,
                        ledger -> ledger.extend(BOOKED.id(), BOOKED.paymentToken(), TTL)),
                refusal("extending a released hold", HoldExpiredException.class,
                        ledger -> ledger.extend(RELEASED.id(), RELEASED.paymentToken(), TTL)),
                refusal("extending with another hold's token", InvalidPaymentTokenException.class,
                        ledger -> ledger.extend(ACTIVE.id(), BOOKED.paymentToken(), TTL)),
                refusal("releasing a booked hold", HoldAlreadyBookedException.class,
                        ledger -> ledger.release(BOOKED.id(), Optional.empty())),
                refusal("releasing with another hold's token", InvalidPaymentTokenException.class,
                        ledger -> ledger.release(ACTIVE.id(), Optional.of(DUE.paymentToken()))),
                refusal("cancelling a booking nobody made", BookingNotFoundException.class,
                        ledger -> ledger.cancel(newId(), "refund")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRefusalChangesNothing(String command, Class<? extends BoxOfficeException> refusal,
            Function<EventLedger, ?> run) {
        assertThatThrownBy(() -> run.apply(ledger)).isExactlyInstanceOf(refusal);

        assertThat(ledger.hasChanges()).isFalse();
        assertChanged(BEFORE);
    }

    static Stream<Arguments> replays() {
        return Stream.of(
                arguments("placing a hold again", ACTIVE,
                        command(ledger -> ledger.placeHold(HoldFixtures.order(ACTIVE)))),
                arguments("booking a booked hold again, under another booking id", BOOKING,
                        command(ledger -> ledger.book(BOOKED.id(), BOOKED.paymentToken(), newId()))),
                arguments("releasing a released hold", RELEASED,
                        command(ledger -> ledger.release(RELEASED.id(), Optional.empty()))),
                arguments("cancelling a cancelled booking", CANCELLED,
                        command(ledger -> ledger.cancel(CANCELLED.id(), "refund"))),
                arguments("extending a hold to before it expires: never shorter", ACTIVE,
                        command(ledger -> ledger.extend(ACTIVE.id(), ACTIVE.paymentToken(), Duration.ofSeconds(1)))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("replays")
    void aReplayAnswersWhatIsStoredAndChangesNothing(String command, Object stored,
            Function<EventLedger, Outcome<?>> run) {
        Outcome<?> outcome = run.apply(ledger);

        assertThat(outcome.changed()).isFalse();
        assertThat(outcome.value()).isEqualTo(stored);
        assertThat(ledger.hasReplays()).isTrue();
        assertThat(ledger.hasChanges()).isFalse();
        assertChanged(BEFORE);
    }

    @Test
    void bookingMovesTheHoldsSeatsFromHeldToBooked() {
        String bookingId = newId();

        Booking booking = ledger.book(ACTIVE.id(), ACTIVE.paymentToken(), bookingId).value();

        assertThat(booking).isEqualTo(Booking.of(bookingId, ACTIVE, NOW));
        assertThat(ledger.changes().holds()).containsExactly(ACTIVE.booked(bookingId));
        assertThat(ledger.changes().bookingsCreated()).isEqualTo(1);
        assertChanged(new SeatCounts(10, 4, 1, 5), ChangeType.BOOKING_CREATED);
    }

    static Stream<Arguments> extensions() {
        return Stream.of(
                arguments(Duration.ofMinutes(10), NOW.plus(Duration.ofMinutes(10))),
                arguments(Duration.ofHours(1), ACTIVE.maxExpiresAt()));
    }

    @ParameterizedTest(name = "extended by {0}: expires at {1}")
    @MethodSource("extensions")
    void extendingMovesTheExpiryButNeverPastTheMaximum(Duration ttl, Instant expiresAt) {
        Hold extended = ledger.extend(ACTIVE.id(), ACTIVE.paymentToken(), ttl).value();

        assertThat(extended).isEqualTo(ACTIVE.expiringAt(expiresAt));
        assertChanged(BEFORE, ChangeType.HOLD_EXTENDED);
    }

    @Test
    void releasingGivesTheSeatsBack() {
        Hold released = ledger.release(ACTIVE.id(), Optional.of(ACTIVE.paymentToken())).value();

        assertThat(released).isEqualTo(ACTIVE.withStatus(HoldStatus.EXPIRED));
        assertChanged(new SeatCounts(10, 6, 1, 3), ChangeType.HOLD_RELEASED);
        assertThat(ledger.takeReleasedCount()).as("released on request, not by time").isZero();
    }

    @Test
    void cancellingGivesTheBookedSeatsBack() {
        Booking cancelled = ledger.cancel(BOOKING.id(), "refund").value();

        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cancelled).isEqualTo(BOOKING.cancelled(NOW, "refund"));
        assertThat(ledger.changes().bookingsCancelled()).isEqualTo(1);
        assertChanged(new SeatCounts(10, 7, 3, 0), ChangeType.BOOKING_CANCELLED);
    }

    @Test
    void releaseDueReleasesTheHoldsThatFellDueAndNoOther() {
        ledger.releaseDue();

        assertThat(ledger.changes().holds()).containsExactly(DUE.withStatus(HoldStatus.EXPIRED));
        assertChanged(new SeatCounts(10, 5, 2, 3), ChangeType.HOLD_EXPIRED);
        assertThat(ledger.takeReleasedCount()).isEqualTo(1);
        assertThat(ledger.takeReleasedCount()).as("each release by time is reported once").isZero();
    }

    static Stream<Arguments> commandsOnADueHold() {
        return Stream.of(
                arguments("booking", command(ledger -> ledger.book(DUE.id(), DUE.paymentToken(), newId()))),
                arguments("extending", command(ledger -> ledger.extend(DUE.id(), DUE.paymentToken(), TTL))));
    }

    @ParameterizedTest(name = "{0} a hold that fell due")
    @MethodSource("commandsOnADueHold")
    void aHoldThatFellDueIsRefusedAndReleasedInTheSameBatch(String command, Function<EventLedger, Outcome<?>> run) {
        assertThatThrownBy(() -> run.apply(ledger)).isExactlyInstanceOf(HoldExpiredException.class);

        assertThat(ledger.expiredHolds()).containsExactly(DUE.withStatus(HoldStatus.EXPIRED));
        assertChanged(new SeatCounts(10, 5, 2, 3), ChangeType.HOLD_EXPIRED);
    }

    static Stream<Arguments> customerRefusals() {
        return Stream.of(
                arguments("a hold for no customer", null, 0, InvalidFieldException.class),
                arguments("a customer's 3rd to 5th seats", "fan", 2, CustomerLimitExceededException.class));
    }

    @ParameterizedTest(name = "an event of 4 seats per customer refuses {0}")
    @MethodSource("customerRefusals")
    void anEventThatLimitsCustomersRefusesHoldsBeyondTheLimit(String hold, String customer, int seatsBefore,
            Class<? extends BoxOfficeException> refusal) {
        EventLedger limited = limitedLedger(seatsBefore);
        HoldOrder order = HoldFixtures.orderingFor(customer, LIMITED, NOW, TTL, new SeatRequest.Quantity("floor", 3));

        assertThatThrownBy(() -> limited.placeHold(order)).isExactlyInstanceOf(refusal);
        assertThat(limited.hasChanges()).isFalse();
    }

    @Test
    void aCustomersHoldCountsAgainstTheirLimit() {
        EventLedger limited = limitedLedger(1);

        limited.placeHold(HoldFixtures.orderingFor("fan", LIMITED, NOW, TTL, new SeatRequest.Quantity("floor", 3)));

        assertThat(limited.changes().customerSeats())
                .isEqualTo(Map.of(CustomerSeats.field("fan", null), 3, CustomerSeats.field("fan", "floor"), 3));
    }

    /** The batch's counts in all and the types of its feed entries, in order. */
    private void assertChanged(SeatCounts counts, ChangeType... feed) {
        LedgerChanges changes = ledger.changes();
        assertThat(changes.before().total()).isEqualTo(BEFORE);
        assertThat(changes.counts().total()).isEqualTo(counts);
        assertThat(changes.feed()).extracting(Change::type).containsExactly(feed);
    }

    /** A ledger of {@link #LIMITED} where the customer "fan" has {@code seats} seats already. */
    private static EventLedger limitedLedger(int seats) {
        return new EventLedger(LedgerSnapshots.of(LIMITED, List.of(), List.of(),
                Map.of(CustomerSeats.field("fan", null), seats)), NOW, TestStores.RETENTION);
    }

    private static Arguments refusal(String command, Class<? extends BoxOfficeException> refusal,
            Function<EventLedger, ?> run) {
        return arguments(command, refusal, run);
    }

    /** Types a command for a table row (a lambda needs a target type). */
    private static Function<EventLedger, Outcome<?>> command(Function<EventLedger, Outcome<?>> run) {
        return run;
    }

    private static HoldOrder orderWithIdIssuedAt(Instant issuedAt) {
        HoldOrder order = HoldFixtures.ordering(EVENT, NOW, TTL, new SeatRequest.Quantity(null, 1));
        return new HoldOrder(Ids.newChildId(EVENT.id(), issuedAt), order.eventId(), order.requests(),
                order.createdAt(), order.expiresAt(), order.maxExpiresAt(), order.paymentToken(), order.customerId());
    }

    private static Booking booking(Hold hold) {
        return Booking.of(Ids.newChildId(EVENT.id(), hold.createdAt().plusSeconds(30)), hold,
                hold.createdAt().plusSeconds(30));
    }

    private static String newId() {
        return Ids.newChildId(EVENT.id(), NOW);
    }
}
