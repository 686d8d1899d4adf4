package boxoffice.store.ledger;

import java.util.List;

/**
 * How many due holds a batch releases: a few for each of its commands, so that expiry keeps pace with the sale (holds
 * fall due at the rate they were made, and each batch may release more than it makes) while a batch that meets a
 * backlog pays for a bounded slice of it, not all of it; a whole slice when it carries a sweep's release.
 */
final class DueSlice {
    /** Due holds a batch releases per command it carries. */
    static final int PER_COMMAND = 4;
    /** Due holds a sweep's batch releases: a few ms of Redis time, so a hot event's lock is held briefly. */
    static final int SWEEP = 256;

    private DueSlice() {}

    /** @param sweep the slice of a batch that carries a sweep's release, and the most any batch releases */
    static int of(List<PendingCommand<?>> batch, int sweep) {
        boolean sweeping = batch.stream().anyMatch(p -> p.command() instanceof LedgerCommand.ReleaseDue);
        return sweeping ? sweep : Math.min(sweep, PER_COMMAND * batch.size());
    }
}
