package boxoffice.seating;

import java.util.Arrays;

/**
 * One row's seats in the order of their rank, best first: nearest the row's middle, and of two as near the left one.
 * Walks outward from the middle, so taking {@code n} seats costs {@code n} steps, never a sort of the row (a row may
 * have 200,000 seats, and a hold may ask for a hundred picks of one). Over every seat of the row, or over its
 * wheelchair seats alone.
 */
final class SeatsByRank {
    /** The seats walked, in index order: every seat index itself when null. */
    private final int[] seats;
    private final int low;
    private final int high;
    private final int rowStart;
    private final int rowLength;
    private int left;
    private int right;

    private SeatsByRank(int[] seats, int low, int high, int rowStart, int rowLength) {
        this.seats = seats;
        this.low = low;
        this.high = high;
        this.rowStart = rowStart;
        this.rowLength = rowLength;
        // the first seat right of the middle (or on it) starts the right-hand walk, the one before it the left-hand
        int firstRight = rowStart + rowLength / 2;
        this.right = seats == null ? firstRight : firstAtOrAfter(seats, low, high, firstRight);
        this.left = right - 1;
    }

    static SeatsByRank everySeat(SeatLayout layout, int row) {
        int start = layout.rowStart(row);
        return new SeatsByRank(null, start, start + layout.rowLength(row), start, layout.rowLength(row));
    }

    static SeatsByRank wheelchairSeats(SeatLayout layout, int row) {
        int[] accessible = layout.accessibleSeats();
        int start = layout.rowStart(row);
        int end = start + layout.rowLength(row);
        return new SeatsByRank(accessible, firstAtOrAfter(accessible, 0, accessible.length, start),
                firstAtOrAfter(accessible, 0, accessible.length, end), start, layout.rowLength(row));
    }

    boolean hasNext() {
        return left >= low || right < high;
    }

    int next() {
        if (right >= high || left >= low && rank(seatAt(left)) < rank(seatAt(right))) {
            return seatAt(left--);
        }
        return seatAt(right++);
    }

    private int seatAt(int position) {
        return seats == null ? position : seats[position];
    }

    /** 0 for the best seat of the row: twice its distance from the middle, less one on the left (left wins a tie). */
    private int rank(int seat) {
        int twiceOffset = 2 * (seat - rowStart) - (rowLength - 1);
        return twiceOffset < 0 ? -twiceOffset - 1 : twiceOffset;
    }

    private static int firstAtOrAfter(int[] sorted, int from, int to, int seat) {
        int found = Arrays.binarySearch(sorted, from, to, seat);
        return found >= 0 ? found : -found - 1;
    }
}
