package boxoffice.store.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.domain.HoldItem;
import boxoffice.domain.SeatRequest;
import boxoffice.domain.Section;
import boxoffice.refusals.BoxOfficeException;
import boxoffice.refusals.InsufficientSeatsException;
import boxoffice.refusals.InvalidFieldException;
import boxoffice.refusals.NoAdjacentSeatsException;
import boxoffice.refusals.SeatsUnavailableException;
import boxoffice.seating.SeatLayout;
import boxoffice.seating.SeatStates;
import boxoffice.testing.fixtures.EventFixtures;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link SeatAllocator} on an event of a 10-seat general-admission floor and reserved stalls of two rows of six seats
 * (A-1 to A-6, then B-1 to B-6), some of them taken beforehand. A refused hold takes no seat.
 */
class SeatAllocatorTest {
    private static final Section FLOOR = Section.generalAdmission("floor", "Floor", 10);
    private static final Section STALLS = EventFixtures.reservedSection("stalls", 2, 6);
    private static final SeatLayout LAYOUT = SeatLayout.of(STALLS);
    private static final Event EVENT = EventFixtures.withSections(Instant.parse("2026-06-01T18:00:00Z"), FLOOR, STALLS);

    private final SeatStates stalls = SeatStates.allAvailable(LAYOUT);

    static Stream<Arguments> bestAvailable() {
        return Stream.of(
                arguments("2 together in an empty section: the middle of the first row", List.of(),
                        together(2), List.of("A-3", "A-4")),
                arguments("2 together: the first row with a block wins", List.of("A-2", "A-3", "A-4", "A-5"),
                        together(2), List.of("B-3", "B-4")),
                arguments("2 together: a block that strands no single seat beats one nearer the middle",
                        List.of("A-3"), together(2), List.of("A-1", "A-2")),
                arguments("3 apart: by row, then nearest the middle, then leftmost", List.of("A-3", "A-4"),
                        apart(3, 3), List.of("A-1", "A-2", "A-5")),
                arguments("2 apart where no two seats are together", alternateSeats(),
                        apart(2, 2), List.of("A-3", "A-5")),
                arguments("5 apart, at least 2: the 3 that are left", takenBut("A-4", "A-5", "A-6"),
                        apart(5, 2), List.of("A-4", "A-5", "A-6")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bestAvailable")
    void bestAvailablePicksTheseSeats(String why, List<String> taken, SeatRequest request, List<String> seats) {
        take(taken);

        List<HoldItem> items = allocate(request);

        assertThat(items).containsExactly(new HoldItem("stalls", seats.size(), seats));
        assertThat(seats).allSatisfy(seat -> assertThat(state(seat)).isEqualTo(SeatStates.HELD));
    }

    @Test
    void namedSeatsAreHeldAsAsked() {
        List<HoldItem> items = allocate(new SeatRequest.Named("stalls", List.of("B-2", "A-1")),
                new SeatRequest.Quantity("floor", 4));

        assertThat(items).containsExactly(new HoldItem("stalls", 2, List.of("B-2", "A-1")),
                HoldItem.generalAdmission("floor", 4));
        assertThat(state("B-2")).isEqualTo(SeatStates.HELD);
        assertThat(state("A-1")).isEqualTo(SeatStates.HELD);
    }

    @Test
    void aPartialQuantityTakesWhatTheEarlierRequestsLeft() {
        List<HoldItem> items = allocate(new SeatRequest.Quantity("floor", 7), new SeatRequest.Quantity("floor", 5, 2));

        assertThat(items).containsExactly(HoldItem.generalAdmission("floor", 7), HoldItem.generalAdmission("floor", 3));
    }

    static Stream<Arguments> refusals() {
        return Stream.of(
                refusal("2 together where every free seat stands alone", alternateSeats(),
                        NoAdjacentSeatsException.class, "largestBlock", 1, together(2)),
                refusal("more seats than are free", takenBut("B-1", "B-2", "B-3"),
                        InsufficientSeatsException.class, "available", 3, together(4)),
                refusal("more seats than the floor has", List.of(),
                        InsufficientSeatsException.class, "available", 10, new SeatRequest.Quantity("floor", 11)),
                refusal("a seat already taken", List.of("A-1", "B-6"),
                        SeatsUnavailableException.class, "unavailable", List.of("A-1"), named("A-2", "A-1")),
                refusal("a seat the section does not have", List.of(),
                        InvalidFieldException.class, "field", "items[0].seats", named("A-7")),
                refusal("the same seat twice", List.of(),
                        InvalidFieldException.class, "field", "items[0].seats", named("A-1", "A-1")),
                refusal("a section the event does not have", List.of(),
                        InvalidFieldException.class, "field", "items[0].section",
                        new SeatRequest.Quantity("balcony", 1)),
                refusal("a quantity of reserved seats", List.of(),
                        InvalidFieldException.class, "field", "items[0].qty", new SeatRequest.Quantity("stalls", 1)),
                refusal("named seats on the floor", List.of(),
                        InvalidFieldException.class, "field", "items[0].seats", new SeatRequest.Named("floor",
                                List.of("A-1"))),
                refusal("the best seats of the floor", List.of(),
                        InvalidFieldException.class, "field", "items[0].best_available",
                        new SeatRequest.Best("floor", 1, false, false)),
                refusal("a qty with no section, of an event of two", List.of(),
                        InvalidFieldException.class, "field", "qty", new SeatRequest.Quantity(null, 1)),
                refusal("named seats, then a block there is not: all or nothing", List.of(),
                        NoAdjacentSeatsException.class, "largestBlock", 5, named("A-1", "B-1"), together(6)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusals")
    void aRefusedHoldTakesNoSeat(String why, List<String> taken, Class<? extends BoxOfficeException> refusal,
            String detail, Object value, List<SeatRequest> requests) {
        take(taken);
        byte[] before = stalls.bytes().clone();

        assertThatThrownBy(() -> allocate(requests.toArray(SeatRequest[]::new)))
                .isExactlyInstanceOf(refusal).hasFieldOrPropertyWithValue(detail, value);
        assertThat(stalls.bytes()).isEqualTo(before);
    }

    @Test
    void giveBackReturnsEverySeatTaken() {
        SeatAllocator allocator = allocator();
        allocator.allocate(List.of(named("A-1", "A-2"), together(3)));

        allocator.giveBack();

        assertThat(stalls.available(false)).isEqualTo(LAYOUT.size());
    }

    private List<HoldItem> allocate(SeatRequest... requests) {
        return allocator().allocate(List.of(requests));
    }

    /** An allocator on the floor's counts (all free) and the stalls' seat map as this test set it. */
    private SeatAllocator allocator() {
        return new SeatAllocator(EVENT, EventCounts.fresh(EVENT), section -> {
            assertThat(section).isEqualTo("stalls");
            return stalls;
        });
    }

    private void take(List<String> labels) {
        labels.forEach(label -> stalls.set(LAYOUT.indexOf(label).getAsInt(), SeatStates.BOOKED));
    }

    private byte state(String label) {
        return stalls.state(LAYOUT.indexOf(label).getAsInt());
    }

    private static SeatRequest together(int count) {
        return new SeatRequest.Best("stalls", count, true, false);
    }

    private static SeatRequest apart(int count, int minQty) {
        return new SeatRequest.Best("stalls", count, false, false, minQty);
    }

    private static SeatRequest named(String... labels) {
        return new SeatRequest.Named("stalls", List.of(labels));
    }

    /** Every other seat taken, B-1, B-3, B-5. */
    private static List<String> alternateSeats() {
        return List.of("A-2", "A-4", "A-6", "B-1", "B-3", "B-5");
    }

    /** Every seat of the stalls taken but these. */
    private static List<String> takenBut(String... free) {
        return IntStream.range(0, LAYOUT.size()).mapToObj(LAYOUT::label)
                .filter(label -> !List.of(free).contains(label)).toList();
    }

    private static Arguments refusal(String why, List<String> taken, Class<? extends BoxOfficeException> refusal,
            String detail, Object value, SeatRequest... requests) {
        return arguments(why, taken, refusal, detail, value, List.of(requests));
    }
}
