package boxoffice.domain;

import java.util.List;

/**
 * What a buyer asks for in one section; the ledger turns it into a {@link HoldItem} with the seats granted, or
 * refuses the whole hold. A request for a quantity or for the best seats apart may be partial: it is then satisfied
 * by as many seats as are available, if at least {@code minQty}; otherwise {@code minQty == count}.
 */
public sealed interface SeatRequest {

    /** The section asked for; null for a {@link Quantity} of an event's only section (the original API). */
    String section();

    /** How many seats this asks for. */
    int count();

    /** The fewest seats that satisfy it. */
    int minQty();

    default boolean isPartial() {
        return minQty() < count();
    }

    /** Some seats of a general-admission section; {@code section} null means the event's only section. */
    record Quantity(String section, int count, int minQty) implements SeatRequest {
        public Quantity(String section, int count) {
            this(section, count, count);
        }
    }

    /** These seats of a reserved section, by label; all or nothing. */
    record Named(String section, List<String> seats) implements SeatRequest {
        public Named {
            seats = List.copyOf(seats);
        }

        public int count() {
            return seats.size();
        }

        public int minQty() {
            return seats.size();
        }
    }

    /**
     * The best {@code count} free seats of a reserved section: in one block of one row when {@code together}, and
     * wheelchair seats (only) when {@code accessible}. Only seats apart may be partial.
     */
    record Best(String section, int count, boolean together, boolean accessible, int minQty) implements SeatRequest {
        public Best(String section, int count, boolean together, boolean accessible) {
            this(section, count, together, accessible, count);
        }
    }
}
