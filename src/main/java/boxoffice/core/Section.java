package boxoffice.core;

import java.util.List;

/**
 * Part of an event's seats with its own capacity: general admission ({@code capacity} seats, none named) or reserved
 * ({@code rows} of numbered seats, ranked in the order given, first row best). Immutable once the event exists.
 */
public record Section(String id, String name, int capacity, List<Row> rows) {
    /** The id of the one section of an event created with {@code total_seats}. */
    public static final String GENERAL = "general";

    public Section {
        rows = List.copyOf(rows);
    }

    public static Section generalAdmission(String id, String name, int capacity) {
        return new Section(id, name, capacity, List.of());
    }

    public static Section reserved(String id, String name, List<Row> rows) {
        return new Section(id, name, 0, rows);
    }

    public boolean isReserved() {
        return !rows.isEmpty();
    }

    /** How many seats it has. */
    public int total() {
        return isReserved() ? rows.stream().mapToInt(Row::seats).sum() : capacity;
    }
}
