package boxoffice.seating;

import boxoffice.domain.Row;
import boxoffice.domain.Section;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.WeakHashMap;
import java.util.stream.IntStream;

/**
 * Where the seats of a reserved section are: its rows in rank order (first row best), laid end to end so that every
 * seat has an index from 0; which seats are for wheelchairs; and each seat's label ({@code A-12}). Immutable.
 */
public final class SeatLayout {
    private static final Map<Section, SeatLayout> CACHE = new WeakHashMap<>();

    private final List<Row> rows;
    private final int[] rowStart;
    private final int[] rowLength;
    private final boolean[] accessible;
    private final int[] accessibleSeats;
    private final Map<String, Integer> rowByLabel = new HashMap<>();
    private final int size;

    private SeatLayout(List<Row> rows) {
        this.rows = List.copyOf(rows);
        this.rowStart = new int[rows.size()];
        this.rowLength = new int[rows.size()];
        int seats = 0;
        for (int r = 0; r < rows.size(); r++) {
            rowStart[r] = seats;
            rowLength[r] = rows.get(r).seats();
            rowByLabel.put(rows.get(r).label(), r);
            seats += rowLength[r];
        }
        this.size = seats;
        this.accessible = new boolean[seats];
        for (int r = 0; r < rows.size(); r++) {
            for (int number : rows.get(r).accessible()) {
                accessible[rowStart[r] + number - 1] = true;
            }
        }
        this.accessibleSeats = IntStream.range(0, seats).filter(seat -> accessible[seat]).toArray();
    }

    /**
     * The layout of a reserved section. Sections are immutable and a batch needs a 200,000-seat layout as often as it
     * needs the section, so layouts are kept while their section is in use.
     */
    public static SeatLayout of(Section section) {
        synchronized (CACHE) {
            return CACHE.computeIfAbsent(section, s -> new SeatLayout(s.rows()));
        }
    }

    public int size() {
        return size;
    }

    public int rowCount() {
        return rows.size();
    }

    public String rowLabel(int row) {
        return rows.get(row).label();
    }

    /** The index of the row's first seat. */
    public int rowStart(int row) {
        return rowStart[row];
    }

    public int rowLength(int row) {
        return rowLength[row];
    }

    public boolean isAccessible(int seat) {
        return accessible[seat];
    }

    /** The wheelchair seats, in index order (shared: not to be changed). */
    int[] accessibleSeats() {
        return accessibleSeats;
    }

    public String label(int seat) {
        int row = rowOf(seat);
        return rows.get(row).seatLabel(seat - rowStart[row] + 1);
    }

    /** The seat a label names ({@code <row>-<number>}), or empty when there is no such seat. */
    public OptionalInt indexOf(String label) {
        int dash = label.lastIndexOf('-');
        Integer row = dash < 1 ? null : rowByLabel.get(label.substring(0, dash));
        if (row == null || !isSeatNumber(label.substring(dash + 1), rowLength(row))) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(rowStart[row] + Integer.parseInt(label.substring(dash + 1)) - 1);
    }

    /** The row a seat is in. */
    public int rowOf(int seat) {
        int low = 0;
        int high = rowStart.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (rowStart[middle] <= seat) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    /** 1..seats in plain digits, no sign, no leading zero. */
    private static boolean isSeatNumber(String text, int seats) {
        if (text.isEmpty() || text.length() > 6 || text.charAt(0) == '0'
                || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return false;
        }
        return Integer.parseInt(text) <= seats;
    }
}
