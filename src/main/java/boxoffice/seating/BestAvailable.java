package boxoffice.seating;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.stream.IntStream;

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

    /** The first row's best block ({@link BlockSearch}); the longest run there is when no row has one. */
    private static Pick block(SeatStates states, int count, boolean accessible) {
        SeatLayout layout = states.layout();
        for (int row = 0; row < layout.rowCount(); row++) {
            if (states.availableInRow(row) < count) {
                continue;
            }
            OptionalInt first = BlockSearch.best(states, row, count, accessible);
            if (first.isPresent()) {
                return new Pick.Seats(IntStream.range(first.getAsInt(), first.getAsInt() + count).boxed().toList());
            }
        }
        return new Pick.NoBlock(longestRun(states, accessible));
    }

    /** The most eligible seats side by side in any row (a refusal's figure: it looks at the rows that may beat it). */
    private static int longestRun(SeatStates states, boolean accessible) {
        SeatLayout layout = states.layout();
        int longest = 0;
        for (int row = 0; row < layout.rowCount(); row++) {
            if (states.availableInRow(row) <= longest) {
                continue;
            }
            int run = 0;
            for (int seat = layout.rowStart(row); seat < layout.rowStart(row) + layout.rowLength(row); seat++) {
                run = isEligible(states, seat, accessible) ? run + 1 : 0;
                longest = Math.max(longest, run);
            }
        }
        return longest;
    }

    /** The best seats one by one, each row walked from its middle outward ({@link SeatsByRank}). */
    private static Pick apart(SeatStates states, int count, boolean accessible) {
        SeatLayout layout = states.layout();
        List<Integer> chosen = new ArrayList<>(count);
        for (int row = 0; row < layout.rowCount() && chosen.size() < count; row++) {
            if (states.availableInRow(row) == 0) {
                continue;
            }
            SeatsByRank seats = accessible
                    ? SeatsByRank.wheelchairSeats(layout, row)
                    : SeatsByRank.everySeat(layout, row);
            while (chosen.size() < count && seats.hasNext()) {
                int seat = seats.next();
                if (isEligible(states, seat, accessible)) {
                    chosen.add(seat);
                }
            }
        }
        return new Pick.Seats(chosen);
    }

    private static boolean isEligible(SeatStates states, int seat, boolean accessible) {
        return states.isAvailable(seat) && states.layout().isAccessible(seat) == accessible;
    }
}
