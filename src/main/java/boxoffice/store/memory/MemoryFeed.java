package boxoffice.store.memory;

import boxoffice.domain.Change;
import boxoffice.store.ledger.FeedRead;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** One event's change feed, as the Redis stream keeps it: numbered from 1, trimmed after the retention. */
final class MemoryFeed {
    private final Deque<Change> changes = new ArrayDeque<>();
    private long lastSeq;

    /** Numbers the changes after the last one and forgets those older than {@code retention} at {@code now}. */
    void append(List<Change> added, Instant now, Duration retention) {
        for (Change change : added) {
            changes.addLast(change.numbered(++lastSeq));
        }
        Instant cutoff = now.minus(retention);
        while (!changes.isEmpty() && changes.peekFirst().at().isBefore(cutoff)) {
            changes.removeFirst();
        }
    }

    long lastSeq() {
        return lastSeq;
    }

    FeedRead read(String eventId, long after, int limit) {
        List<Change> page = changes.stream().filter(change -> change.seq() > after).limit(limit).toList();
        long oldestKept = changes.isEmpty() ? lastSeq + 1 : changes.peekFirst().seq();
        return new FeedRead(eventId, after, page, lastSeq, oldestKept);
    }
}
