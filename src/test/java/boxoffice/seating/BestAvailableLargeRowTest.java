package boxoffice.seating;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.domain.Row;
import boxoffice.domain.Section;
import boxoffice.seating.BestAvailable.Pick;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Best available on rows of up to 200,000 seats, where it walks outward from the middle instead of sorting the row or
 * weighing every block in it: the seats it picks, and that they are those an exhaustive search would pick.
 */
class BestAvailableLargeRowTest {

    private static SeatStates row(int seats, Set<Integer> wheelchair) {
        return SeatStates.allAvailable(SeatLayout.of(Section.reserved("arena", "Arena",
                List.of(new Row("A", seats, wheelchair)))));
    }

    private static List<String> apart(SeatStates states, int count, boolean accessible) {
        Pick pick = BestAvailable.pick(states, count, false, accessible);
        assertThat(pick).isInstanceOf(Pick.Seats.class);
        return ((Pick.Seats) pick).seats().stream().map(states.layout()::label).toList();
    }

    @Test
    void anEvenRowOf200000SeatsGivesItsTwoMiddleSeatsFirstThenOutwardLeftBeforeRight() {
        assertThat(apart(row(200_000, Set.of()), 4, false))
                .containsExactly("A-100000", "A-100001", "A-99999", "A-100002");
    }

    @Test
    void anOddRowGivesItsMiddleSeatFirst() {
        assertThat(apart(row(199_999, Set.of()), 3, false)).containsExactly("A-100000", "A-99999", "A-100001");
    }

    @Test
    void aHundredPicksOfOneTakenInTurnFillTheHundredMiddleSeats() {
        SeatStates states = row(200_000, Set.of());
        List<String> taken = new ArrayList<>();
        for (int pick = 0; pick < 100; pick++) {
            int seat = ((Pick.Seats) BestAvailable.pick(states, 1, false, false)).seats().get(0);
            states.set(seat, SeatStates.HELD);
            taken.add(states.layout().label(seat));
        }
        assertThat(taken).hasSize(100).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(99_951, 100_050).mapToObj(n -> "A-" + n)
                        .toList());
    }

    @Test
    void seatsTakenAroundTheMiddleAreWalkedPast() {
        SeatStates states = row(200_000, Set.of());
        IntStream.range(95_000, 105_000).forEach(seat -> states.set(seat, SeatStates.BOOKED));
        assertThat(apart(states, 3, false)).containsExactly("A-95000", "A-105001", "A-94999");
    }

    @Test
    void wheelchairSeatsOfALargeRowAreRankedAmongThemselves() {
        SeatStates states = row(200_000, Set.of(1, 50_000, 99_990, 100_020, 150_000, 200_000));
        states.set(99_989, SeatStates.HELD); // A-99990
        assertThat(apart(states, 3, true)).containsExactly("A-100020", "A-150000", "A-50000");
        assertThat(apart(states, 2, false)).containsExactly("A-100000", "A-100001");
    }

    @Test
    void aBlockInA200000SeatRowIsTheMiddleOneAndAHundredBlocksOfOneFillTheMiddle() {
        SeatStates states = row(200_000, Set.of());
        assertThat(together(states, 4)).containsExactly("A-99999", "A-100000", "A-100001", "A-100002");
        List<String> taken = new ArrayList<>();
        for (int pick = 0; pick < 100; pick++) {
            int seat = ((Pick.Seats) BestAvailable.pick(states, 1, true, false)).seats().get(0);
            states.set(seat, SeatStates.HELD);
            taken.add(states.layout().label(seat));
        }
        assertThat(taken).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(99_951, 100_050)
                .mapToObj(n -> "A-" + n).toList());
    }

    @Test
    void aBlockLeavesNoOrphanEvenFarFromTheMiddleOfALargeRow() {
        SeatStates states = row(200_000, Set.of());
        // seats 50,001 to 150,000 are taken but for gaps of three, where a pair would strand a seat: the nearest pair
        // that does not is at the end of the last gap, where it opens onto the free seats beyond
        IntStream.range(50_000, 150_000).filter(seat -> seat % 4 == 0).forEach(seat -> states.set(seat,
                SeatStates.HELD));
        assertThat(together(states, 2)).containsExactly("A-149998", "A-149999");
        assertThat(together(states, 3)).containsExactly("A-99998", "A-99999", "A-100000");
        assertThat(BestAvailable.pick(states, 150_001, true, false)).isEqualTo(new Pick.NoBlock(50_003));
    }

    private static List<String> together(SeatStates states, int count) {
        Pick pick = BestAvailable.pick(states, count, true, false);
        assertThat(pick).isInstanceOf(Pick.Seats.class);
        return ((Pick.Seats) pick).seats().stream().map(states.layout()::label).toList();
    }

    @Test
    void picksWhatAnExhaustiveSearchWouldPick() {
        Random random = new Random(27);
        for (int round = 0; round < 200; round++) {
            List<Row> rows = new ArrayList<>();
            for (int r = 0; r < 1 + random.nextInt(3); r++) {
                int seats = 1 + random.nextInt(random.nextBoolean() ? 9 : 3_000);
                Set<Integer> wheelchair = new HashSet<>();
                random.ints(random.nextInt(1 + seats / 4), 1, seats + 1).forEach(wheelchair::add);
                rows.add(new Row("R" + r, seats, wheelchair));
            }
            SeatStates states = SeatStates.allAvailable(SeatLayout.of(Section.reserved("s" + round, "S", rows)));
            double taken = random.nextDouble();
            IntStream.range(0, states.layout().size()).filter(seat -> random.nextDouble() < taken)
                    .forEach(seat -> states.set(seat, SeatStates.HELD));
            boolean accessible = random.nextInt(4) == 0;
            if (states.available(accessible) == 0) {
                continue;
            }
            int count = 1 + random.nextInt(states.available(accessible));
            assertThat(BestAvailable.pick(states, count, false, accessible)).as("apart, round %d", round)
                    .isEqualTo(new Pick.Seats(bySorting(states, count, accessible)));
            int blockSize = 1 + random.nextInt(random.nextBoolean() ? 4 : 40);
            if (states.available(accessible) >= blockSize) {
                assertThat(BestAvailable.pick(states, blockSize, true, accessible)).as("together, round %d", round)
                        .isEqualTo(byWeighingEveryBlock(states, blockSize, accessible));
            }
        }
    }

    /**
     * The specification of a block, as rows were once searched: of every block in the first row that has one, one
     * that strands no single free seat, then the nearest the middle, then the leftmost.
     */
    private static Pick byWeighingEveryBlock(SeatStates states, int count, boolean accessible) {
        SeatLayout layout = states.layout();
        int longest = 0;
        for (int row = 0; row < layout.rowCount(); row++) {
            int start = layout.rowStart(row);
            int end = start + layout.rowLength(row);
            double middle = start + (layout.rowLength(row) - 1) / 2.0;
            Comparator<Integer> better = Comparator.<Integer, Boolean>comparing(first -> strands(states, first, count,
                    start, end)).thenComparingDouble(first -> Math.abs(first + (count - 1) / 2.0 - middle))
                    .thenComparing(first -> first);
            int run = 0;
            Integer best = null;
            for (int seat = start; seat < end; seat++) {
                run = states.isAvailable(seat) && layout.isAccessible(seat) == accessible ? run + 1 : 0;
                longest = Math.max(longest, run);
                if (run >= count && (best == null || better.compare(seat - count + 1, best) < 0)) {
                    best = seat - count + 1;
                }
            }
            if (best != null) {
                return new Pick.Seats(IntStream.range(best, best + count).boxed().toList());
            }
        }
        return new Pick.NoBlock(longest);
    }

    private static boolean strands(SeatStates states, int first, int count, int start, int end) {
        return orphan(states, first - 1, first - 2, start, end) || orphan(states, first + count, first + count + 1,
                start, end);
    }

    private static boolean orphan(SeatStates states, int neighbour, int beyond, int start, int end) {
        return neighbour >= start && neighbour < end && states.isAvailable(neighbour)
                && !states.layout().isAccessible(neighbour)
                && (beyond < start || beyond >= end || !states.isAvailable(beyond));
    }

    /** The specification, as the rows were once searched: every eligible seat of a row, sorted by rank. */
    private static List<Integer> bySorting(SeatStates states, int count, boolean accessible) {
        SeatLayout layout = states.layout();
        List<Integer> chosen = new ArrayList<>();
        for (int row = 0; row < layout.rowCount(); row++) {
            int start = layout.rowStart(row);
            double middle = start + (layout.rowLength(row) - 1) / 2.0;
            IntStream.range(start, start + layout.rowLength(row))
                    .filter(seat -> states.isAvailable(seat) && layout.isAccessible(seat) == accessible)
                    .boxed()
                    .sorted(Comparator.<Integer>comparingDouble(seat -> Math.abs(seat - middle))
                            .thenComparing(seat -> seat))
                    .limit(count - chosen.size())
                    .forEach(chosen::add);
        }
        return chosen;
    }
}
