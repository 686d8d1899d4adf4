package boxoffice.domain;

import java.util.List;

/**
 * Part of an event's seats with its own capacity: general admission ({@code capacity} seats, none named) or reserved
 * ({@code rows} of numbered seats, ranked in the order given, first row best), and the most seats of it one customer
 * may hold and book ({@code maxPerCustomer}, or null for no limit). Immutable once the event exists.
 */
public record Section(String id, String name, int capacity, List<Row> rows, Integer maxPerCustomer) {
    /** The id of the one section of an event created with {@code total_seats}. */
    public static final String GENERAL = "general";

    public Section {
        rows = List.copyOf(rows);
    }

    public static Section generalAdmission(String id, String name, int capacity) {
        return new Section(id, name, capacity, List.of(), null);
    }

    public static Section reserved(String id, String name, List<Row> rows) {
        return new Section(id, name, 0, rows, null);
    }

    public Section limitedTo(Integer maxSeatsPerCustomer) {
        return new Section(id, name, capacity, rows, maxSeatsPerCustomer);
    }

    public boolean isReserved() {
        return !rows.isEmpty();
    }

    /** How many seats it has. */
    public int total() {
        return isReserved() ? rows.stream().mapToInt(Row::seats).sum() : capacity;
    }
}
