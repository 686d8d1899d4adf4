package boxoffice.store.ledger;

import boxoffice.domain.WaitlistEntry;
import java.util.List;

/**
 * What a batch changed in an event's waiting list: the entries that joined, were offered a hold or left (a waiting
 * one stays in line, the others leave it and are forgotten after the retention), the last number given when entries
 * joined (0 when none did), and tallies for the metrics.
 */
public record WaitlistChanges(List<WaitlistEntry> entries, long joined, int joins, int offers) {
    public static final WaitlistChanges NONE = new WaitlistChanges(List.of(), 0, 0, 0);

    public WaitlistChanges {
        entries = List.copyOf(entries);
    }
}
