package boxoffice.core;

import java.util.List;

/**
 * What a buyer asks for in one section; the ledger turns it into a {@link HoldItem} with the seats granted, or
 * refuses the whole hold.
 */
public sealed interface SeatRequest {

    /** The section asked for; null for a {@link Quantity} of an event's only section (the original API). */
    String section();

    /** How many seats this asks for. */
    int count();

    /** Some seats of a general-admission section; {@code section} null means the event's only section. */
    record Quantity(String section, int count) implements SeatRequest {}

    /** These seats of a reserved section, by label. */
    record Named(String section, List<String> seats) implements SeatRequest {
        public Named {
            seats = List.copyOf(seats);
        }

        public int count() {
            return seats.size();
        }
    }

    /**
     * The best {@code count} free seats of a reserved section: in one block of one row when {@code together}, and
     * wheelchair seats (only) when {@code accessible}.
     */
    record Best(String section, int count, boolean together, boolean accessible) implements SeatRequest {}
}
