package boxoffice.store.memory;

import boxoffice.store.IdempotencyKeys;
import boxoffice.store.IdempotencyRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Idempotency keys in this process, forgotten after their retention. */
public final class MemoryIdempotencyKeys implements IdempotencyKeys {
    private static final int PURGE_EVERY_CLAIMS = 1_024;

    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicInteger claims = new AtomicInteger();
    private final Clock clock;

    public MemoryIdempotencyKeys(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Optional<IdempotencyRecord> claim(
            String scope, String key, IdempotencyRecord proposed, Duration retention) {
        Instant now = clock.instant();
        Entry proposedEntry = new Entry(proposed, now.plus(retention));
        Entry stored = entries.compute(scope + ":" + key,
                (k, existing) -> existing == null || existing.isGoneAt(now) ? proposedEntry : existing);
        if (stored == proposedEntry) {
            purgeNowAndThen(now);
            return Optional.empty();
        }
        return Optional.of(stored.record);
    }

    @Override
    public void forget(String scope, String key) {
        entries.remove(scope + ":" + key);
    }

    private void purgeNowAndThen(Instant now) {
        if (claims.incrementAndGet() % PURGE_EVERY_CLAIMS == 0) {
            entries.values().removeIf(entry -> entry.isGoneAt(now));
        }
    }

    private record Entry(IdempotencyRecord record, Instant goneAt) {
        boolean isGoneAt(Instant now) {
            return !now.isBefore(goneAt);
        }
    }
}
