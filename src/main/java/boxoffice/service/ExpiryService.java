package boxoffice.service;

import boxoffice.domain.DueBacklog;
import boxoffice.store.DueHoldReads;
import boxoffice.store.ledger.Ledger;
import boxoffice.store.ledger.LedgerCommand.ReleaseDue;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Releases due holds across all events: the work of the sweeper and of the {@code sweep-expired} task. Its cost
 * follows the number of due holds, not the number of holds; each release is a bounded slice of an event's due holds,
 * so a pass never holds a hot event's lock for long. Any number of instances may run it at once.
 */
public final class ExpiryService {
    private final Ledger ledger;
    private final DueHoldReads due;
    private final Clock clock;
    private final int eventsPerPass;

    public ExpiryService(Ledger ledger, DueHoldReads due, Clock clock, int eventsPerPass) {
        this.ledger = ledger;
        this.due = due;
        this.clock = clock;
        this.eventsPerPass = eventsPerPass;
    }

    /**
     * Releases a slice of the due holds of each of at most {@code eventsPerPass} events; returns how many holds it
     * released. A pass that released any may have left more: pass again until one releases none.
     */
    public int releaseDueHolds() {
        return releaseDueAt(clock.instant());
    }

    /**
     * Passes while a pass leaves holds that were due when it began (a backlog, not the holds that fell due since:
     * the sale's own batches release those) and {@code keepGoing} says so; returns how many holds they released.
     */
    public int releaseBacklog(BooleanSupplier keepGoing) {
        int released = 0;
        while (true) {
            Instant now = clock.instant();
            int pass = releaseDueAt(now);
            released += pass;
            if (pass == 0 || !keepGoing.getAsBoolean() || due.eventsWithDueHolds(now, 1).isEmpty()) {
                return released;
            }
        }
    }

    private int releaseDueAt(Instant now) {
        List<String> events = due.eventsWithDueHolds(now, eventsPerPass);
        int released = 0;
        for (String eventId : events) {
            released += ledger.execute(new ReleaseDue(eventId, now));
        }
        return released;
    }

    /** The holds due and not yet released, over the events whose holds fell due first (as many as a pass takes). */
    public DueBacklog backlog() {
        return due.dueBacklog(clock.instant(), eventsPerPass);
    }
}
