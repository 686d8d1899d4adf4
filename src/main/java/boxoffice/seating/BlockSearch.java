package boxoffice.seating;

import java.util.OptionalInt;

/**
 * Finds a row's best block of {@code count} consecutive eligible seats (free, and wheelchair seats or not as asked):
 * one that strands no single free seat beside it if there is one, then the one nearest the row's middle, then the
 * leftmost. Walks the block's possible first seats outward from the middle, in that order, from both sides at once:
 * each side looks at every seat at most once and jumps past a seat that is not eligible, so a search costs the seats
 * it passes on the way to the block it takes, not the row's length. One search, one thread.
 */
final class BlockSearch {
    private final SeatStates states;
    private final int count;
    private final boolean accessible;
    private final int rowStart;
    private final int rowEnd;
    /** How many first seats a block may have: a virtual row its first seats are ranked in, as seats are. */
    private final int starts;
    /** The next first seat each side tries: the left side walks down, the right side up. */
    private int left;
    private int right;
    /** Seats known eligible: from {@code leftKnown} up to the left block's end, and from the right block's first. */
    private int leftKnown;
    private int rightKnown;

    private BlockSearch(SeatStates states, int row, int count, boolean accessible) {
        SeatLayout layout = states.layout();
        this.states = states;
        this.count = count;
        this.accessible = accessible;
        this.rowStart = layout.rowStart(row);
        this.rowEnd = rowStart + layout.rowLength(row);
        this.starts = layout.rowLength(row) - count + 1;
        this.right = rowStart + starts / 2;
        this.left = right - 1;
        this.leftKnown = left + count;
        this.rightKnown = right;
    }

    /** The first seat of the row's best block, or empty when it has none. */
    static OptionalInt best(SeatStates states, int row, int count, boolean accessible) {
        return new BlockSearch(states, row, count, accessible).search();
    }

    private OptionalInt search() {
        OptionalInt stranding = OptionalInt.empty();
        while (left >= rowStart || right < rowStart + starts) {
            boolean fromLeft = right >= rowStart + starts || left >= rowStart && rank(left) < rank(right);
            OptionalInt block = fromLeft ? nextFromLeft() : nextFromRight();
            if (block.isEmpty()) {
                continue;
            }
            if (!strandsASeat(block.getAsInt())) {
                return block;
            }
            stranding = stranding.isPresent() ? stranding : block;
        }
        return stranding;
    }

    /** The left side's next block if its seats are all eligible; else jumps below the seat that is not. */
    private OptionalInt nextFromLeft() {
        int first = left;
        while (leftKnown > first && isEligible(leftKnown - 1)) {
            leftKnown--;
        }
        if (leftKnown <= first) {
            left--;
            return OptionalInt.of(first);
        }
        int taken = leftKnown - 1;
        left = taken - count; // every block holding the taken seat is out
        leftKnown = taken;
        return OptionalInt.empty();
    }

    /** The right side's next block if its seats are all eligible; else jumps above the seat that is not. */
    private OptionalInt nextFromRight() {
        int first = right;
        rightKnown = Math.max(rightKnown, first);
        while (rightKnown < first + count && isEligible(rightKnown)) {
            rightKnown++;
        }
        if (rightKnown >= first + count) {
            right++;
            return OptionalInt.of(first);
        }
        right = rightKnown + 1; // every block holding the taken seat is out
        rightKnown = right;
        return OptionalInt.empty();
    }

    /** 0 for the best first seat: twice its block's distance from the middle, less one on the left (left wins ties). */
    private int rank(int first) {
        int twiceOffset = 2 * (first - rowStart) - (starts - 1);
        return twiceOffset < 0 ? -twiceOffset - 1 : twiceOffset;
    }

    private boolean isEligible(int seat) {
        return states.isAvailable(seat) && states.layout().isAccessible(seat) == accessible;
    }

    /**
     * True when taking the block would leave a single free seat between it and a taken seat or the row's end. Only
     * the seats right beside the block change neighbours, so only they can become orphans; a free wheelchair seat is
     * meant to be sold alone and is never one.
     */
    private boolean strandsASeat(int first) {
        return isOrphanAfter(first - 1, first - 2) || isOrphanAfter(first + count, first + count + 1);
    }

    private boolean isOrphanAfter(int neighbour, int beyond) {
        if (neighbour < rowStart || neighbour >= rowEnd || !states.isAvailable(neighbour)
                || states.layout().isAccessible(neighbour)) {
            return false;
        }
        return beyond < rowStart || beyond >= rowEnd || !states.isAvailable(beyond);
    }
}
