package boxoffice.service;

import boxoffice.store.SeatStore;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Releases due holds across all events: the work of the sweeper and of the {@code sweep-expired} task. Its cost
 * follows the number of due holds, not the number of holds. Any number of instances may run it at once.
 */
public final class ExpiryService {
    private final SeatStore store;
    private final Clock clock;
    private final int eventsPerPass;

    public ExpiryService(SeatStore store, Clock clock, int eventsPerPass) {
        this.store = store;
        this.clock = clock;
        this.eventsPerPass = eventsPerPass;
    }

    /** Releases the due holds of at most {@code eventsPerPass} events; returns how many holds it released. */
    public int releaseDueHolds() {
        Instant now = clock.instant();
        List<String> events = store.eventsWithDueHolds(now, eventsPerPass);
        int released = 0;
        for (String eventId : events) {
            released += store.releaseDue(eventId, now);
        }
        return released;
    }
}
