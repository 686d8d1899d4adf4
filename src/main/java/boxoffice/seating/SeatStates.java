package boxoffice.seating;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The state of every seat of a reserved section, one byte each, as stored: {@code A} available, {@code H} held,
 * {@code B} booked. Keeps counts of the available seats (per row, and wheelchair seats apart), so a search need not
 * look at every seat to know what it may find. Mutable: one batch, one thread.
 */
public final class SeatStates {
    public static final byte AVAILABLE = 'A';
    public static final byte HELD = 'H';
    public static final byte BOOKED = 'B';

    private final SeatLayout layout;
    private final byte[] states;
    private final int[] availableInRow;
    private int available;
    private int availableAccessible;

    private SeatStates(SeatLayout layout, byte[] states) {
        if (states.length != layout.size()) {
            throw new IllegalArgumentException("seat map of " + states.length + " seats for a section of "
                    + layout.size());
        }
        this.layout = layout;
        this.states = states;
        this.availableInRow = new int[layout.rowCount()];
        // A batch builds one of these per reserved section it reads (up to 200,000 seats): one plain pass per row
        for (int row = 0; row < layout.rowCount(); row++) {
            int end = layout.rowStart(row) + layout.rowLength(row);
            int free = 0;
            for (int seat = layout.rowStart(row); seat < end; seat++) {
                if (states[seat] == AVAILABLE) {
                    free++;
                }
            }
            availableInRow[row] = free;
            available += free;
        }
        for (int seat : layout.accessibleSeats()) {
            if (states[seat] == AVAILABLE) {
                availableAccessible++;
            }
        }
    }

    public static SeatStates allAvailable(SeatLayout layout) {
        byte[] states = new byte[layout.size()];
        Arrays.fill(states, AVAILABLE);
        return new SeatStates(layout, states);
    }

    /** The states as stored, one byte per seat; the array is copied. */
    public static SeatStates of(SeatLayout layout, byte[] stored) {
        return new SeatStates(layout, stored.clone());
    }

    public SeatLayout layout() {
        return layout;
    }

    public byte state(int seat) {
        return states[seat];
    }

    public boolean isAvailable(int seat) {
        return states[seat] == AVAILABLE;
    }

    public void set(int seat, byte state) {
        int row = layout.rowOf(seat);
        if (states[seat] == AVAILABLE) {
            count(row, seat, -1);
        }
        if (state == AVAILABLE) {
            count(row, seat, 1);
        }
        states[seat] = state;
    }

    /** Available seats that are wheelchair seats, or that are not. */
    public int available(boolean accessible) {
        return accessible ? availableAccessible : available - availableAccessible;
    }

    private void count(int row, int seat, int change) {
        availableInRow[row] += change;
        available += change;
        if (layout.isAccessible(seat)) {
            availableAccessible += change;
        }
    }

    public int availableInRow(int row) {
        return availableInRow[row];
    }

    /** One character per seat of the row, as the seat-map API shows it. */
    public String rowStates(int row) {
        return new String(states, layout.rowStart(row), layout.rowLength(row), StandardCharsets.US_ASCII);
    }

    /** A copy of the bytes as stored. */
    public byte[] bytes() {
        return states.clone();
    }
}
