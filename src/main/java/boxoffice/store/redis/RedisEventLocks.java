package boxoffice.store.redis;

import boxoffice.refusals.StoreUnavailableException;
import boxoffice.store.ledger.EventLocks;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RLock;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Redisson {@link RLock} per event ({@code bo:{E}:lock}), taken with an explicit lease and no watchdog: a holder
 * that stalls past the lease loses the lock. That is safe because every commit is fenced on the event's version;
 * the lock only keeps writers from wasting work on each other.
 */
final class RedisEventLocks implements EventLocks {
    private static final Logger LOG = LoggerFactory.getLogger(RedisEventLocks.class);

    private final RedissonClient redisson;
    private final Duration wait;
    private final Duration lease;

    RedisEventLocks(RedissonClient redisson, Duration wait, Duration lease) {
        this.redisson = redisson;
        this.wait = wait;
        this.lease = lease;
    }

    @Override
    public Held acquire(String eventId) {
        RLock lock = redisson.getLock(RedisKeys.lock(eventId));
        if (!tryLock(lock)) {
            throw new StoreUnavailableException("event " + eventId + " is busy");
        }
        return () -> release(lock, eventId);
    }

    /** Not timed as a round trip: it includes waiting for the lock, which the ledger's lock-wait timer measures. */
    private boolean tryLock(RLock lock) {
        try {
            return lock.tryLock(wait.toMillis(), lease.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RedisException e) {
            throw RoundTrips.unavailable("lock", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted while waiting for a lock");
        }
    }

    /**
     * Never throws: the batch's outcome is decided by its fenced commit, and a lock that cannot be released here
     * runs out with its lease anyway.
     */
    private static void release(RLock lock, String eventId) {
        try {
            lock.unlock();
        } catch (IllegalMonitorStateException e) {
            LOG.warn("Lock of event {} was lost before release (lease ran out); the commit was fenced", eventId);
        } catch (RedisException e) {
            LOG.warn("Could not release lock of event {}; it expires with its lease: {}", eventId, e.toString());
        }
    }
}
