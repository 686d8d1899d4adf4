package boxoffice.store.memory;

import boxoffice.refusals.StoreUnavailableException;
import boxoffice.store.ledger.EventLocks;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/** In-process per-event locks for the single-instance memory store. */
final class MemoryEventLocks implements EventLocks {
    private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Duration maxWait;

    MemoryEventLocks(Duration maxWait) {
        this.maxWait = maxWait;
    }

    @Override
    public Held acquire(String eventId) {
        ReentrantLock lock = locks.computeIfAbsent(eventId, id -> new ReentrantLock());
        try {
            if (!lock.tryLock(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new StoreUnavailableException("event " + eventId + " is busy");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted");
        }
        return lock::unlock;
    }
}
