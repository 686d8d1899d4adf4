package boxoffice.seating;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Picks the best free seats of a reserved section. Rows rank in the order given (first row best); within a row a seat
 * is better the nearer it is to the row's middle. Wheelchair seats are picked only when asked for, and then only they.
 *
 * <ul>
 *   <li>Together: one block of consecutive seats in one row. The first row that has such a block wins; within it, a
 *       block that leaves no single free seat stranded beside it (an orphan: nobody buying two can use it; the row's
 *       ends count as taken) beats one that does; then the block nearest the middle; then the leftmost.
 *   <li>Apart: the best seats one by one: by row, then nearest the middle, then leftmost.
 * </ul>
 */
public final class BestAvailable {

    /** What a search found. */
    public sealed interface Pick {
        /** The seats, best first. */
        record Seats(List<Integer> seats) implements Pick {}

        /** Fewer seats are eligible (free, and accessible or not as asked) than were asked for. */
        record NotEnough(int available) implements Pick {}

        /** Enough seats, but no block of them together; {@code largestBlock} is the longest run there is. */
        record NoBlock(int largestBlock) implements Pick {}
    }

    private BestAvailable() {}

    public static Pick pick(SeatStates states, int count, boolean together, boolean accessible) {
        int eligible = states.available(accessible);
        if (eligible < count) {
            return new Pick.NotEnough(eligible);
        }
        return together ? block(states, count, accessible) : apart(states, count, accessible);
    }

    private static Pick block(SeatStates states, int count, boolean accessible) {
        SeatLayout layout = states.layout();
        int largest = 0;
        for (int row = 0; row < layout.rowCount(); row++) {
            if (states.availableInRow(row) < Math.min(count, largest + 1)) {
                continue;
            }
            Block best = null;
            int start = layout.rowStart(row);
            int end = start + layout.rowLength(row);
            int run = 0;
            for (int seat = start; seat <= end; seat++) {
                if (seat < end && isEligible(states, seat, accessible)) {
                    run++;
                    continue;
                }
                largest = Math.max(largest, run);
                for (int first = seat - run; first + count <= seat; first++) {
                    Block candidate = new Block(first, count, strandsASeat(states, row, first, count), row);
                    best = best == null || candidate.isBetterThan(best, layout) ? candidate : best;
                }
                run = 0;
            }
            if (best != null) {
                return new Pick.Seats(best.seats());
            }
        }
        return new Pick.NoBlock(largest);
    }

    private static Pick apart(SeatStates states, int count, boolean accessible) {
        SeatLayout layout = states.layout();
        List<Integer> chosen = new ArrayList<>(count);
        for (int row = 0; row < layout.rowCount() && chosen.size() < count; row++) {
            if (states.availableInRow(row) == 0) {
                continue;
            }
            List<Integer> seats = new ArrayList<>();
            for (int seat = layout.rowStart(row); seat < layout.rowStart(row) + layout.rowLength(row); seat++) {
                if (isEligible(states, seat, accessible)) {
                    seats.add(seat);
                }
            }
            int theRow = row;
            seats.sort(Comparator.<Integer>comparingDouble(seat -> distanceFromMiddle(layout, theRow, seat, 1))
                    .thenComparing(seat -> seat));
            chosen.addAll(seats.subList(0, Math.min(seats.size(), count - chosen.size())));
        }
        return new Pick.Seats(chosen);
    }

    private static boolean isEligible(SeatStates states, int seat, boolean accessible) {
        return states.isAvailable(seat) && states.layout().isAccessible(seat) == accessible;
    }

    /**
     * True when taking the block would leave a single free seat between it and a taken seat or the row's end. Only
     * the seats right beside the block change neighbours, so only they can become orphans; a free wheelchair seat is
     * meant to be sold alone and is never one.
     */
    private static boolean strandsASeat(SeatStates states, int row, int first, int count) {
        SeatLayout layout = states.layout();
        int start = layout.rowStart(row);
        int end = start + layout.rowLength(row);
        return isOrphanAfter(states, first - 1, first - 2, start, end)
                || isOrphanAfter(states, first + count, first + count + 1, start, end);
    }

    private static boolean isOrphanAfter(SeatStates states, int neighbour, int beyond, int start, int end) {
        if (neighbour < start || neighbour >= end || !states.isAvailable(neighbour)
                || states.layout().isAccessible(neighbour)) {
            return false;
        }
        return beyond < start || beyond >= end || !states.isAvailable(beyond);
    }

    /** How far a block's centre is from its row's middle, in seats. */
    private static double distanceFromMiddle(SeatLayout layout, int row, int first, int count) {
        double middle = layout.rowStart(row) + (layout.rowLength(row) - 1) / 2.0;
        double centre = first + (count - 1) / 2.0;
        return Math.abs(centre - middle);
    }

    private record Block(int first, int count, boolean strands, int row) {
        boolean isBetterThan(Block other, SeatLayout layout) {
            if (strands != other.strands) {
                return !strands;
            }
            double distance = distanceFromMiddle(layout, row, first, count);
            double otherDistance = distanceFromMiddle(layout, row, other.first, other.count);
            return distance != otherDistance ? distance < otherDistance : first < other.first;
        }

        List<Integer> seats() {
            List<Integer> seats = new ArrayList<>(count);
            for (int seat = first; seat < first + count; seat++) {
                seats.add(seat);
            }
            return seats;
        }
    }
}
