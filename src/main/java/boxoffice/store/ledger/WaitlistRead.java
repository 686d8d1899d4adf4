package boxoffice.store.ledger;

import boxoffice.domain.WaitlistEntry;
import java.util.List;

/**
 * The part of an event's waiting list a batch reads: the first {@link #SCAN} entries in line ({@code line}, first
 * first), the entries its commands name ({@code named}), the last number given and how many are waiting in all.
 */
public record WaitlistRead(List<WaitlistEntry> line, List<WaitlistEntry> named, long joined, int waiting) {
    /**
     * How far down the line a batch looks for entries that fit the seats it frees. An entry further back is offered
     * seats once those ahead of it are served or have left.
     */
    public static final int SCAN = 200;
    public static final WaitlistRead EMPTY = new WaitlistRead(List.of(), List.of(), 0, 0);

    public WaitlistRead {
        line = List.copyOf(line);
        named = List.copyOf(named);
    }

    /** True when {@code line} is all of it, so an entry that joins now is next after its last. */
    boolean wholeLine() {
        return line.size() >= waiting;
    }

    /** The number of the last entry read in line, or 0. */
    long readThrough() {
        return line.isEmpty() ? 0 : line.get(line.size() - 1).number();
    }
}
