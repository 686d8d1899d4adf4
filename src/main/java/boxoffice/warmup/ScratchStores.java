package boxoffice.warmup;

import boxoffice.refusals.RateLimitAnswer;
import boxoffice.store.IdempotencyKeys;
import boxoffice.store.LedgerReads;
import boxoffice.store.RateLimitBuckets;
import boxoffice.store.Retention;
import boxoffice.store.WaitingRooms;
import boxoffice.store.ledger.BatchedLedger;
import boxoffice.store.ledger.CriticalSectionHook;
import boxoffice.store.ledger.Ledger;
import boxoffice.store.ledger.LedgerMetrics;
import boxoffice.store.ledger.Stores;
import boxoffice.store.memory.MemoryIdempotencyKeys;
import boxoffice.store.memory.MemoryLedgerBackend;
import boxoffice.store.memory.MemoryWaitingRooms;
import com.codahale.metrics.MetricRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The warm-up's private stores: an in-process memory ledger (batched like the shared one, so the warm-up runs the
 * same group-commit code) whose sales count in a registry nobody reads, and which never reaches the shared store, its
 * metrics or its change feed. {@link #around} routes each call of the warm-up's own requests here; {@link #close}
 * drops everything once the warm-up is over.
 */
public final class ScratchStores {
    private static final int WORKERS = 4;
    private static final int MAX_BATCH = 256;

    /**
     * The warm-up's own requests always get a token and take none from anybody's bucket (its loopback address would
     * otherwise be limited like one client).
     */
    private static final RateLimitBuckets UNLIMITED = (limit, caller, quota) ->
            new RateLimitAnswer(quota, true, quota.tokens(), Duration.ZERO, Duration.ZERO);

    private final ScratchScope scope;
    private final ExecutorService workers;
    private volatile Stores stores;

    public ScratchStores(ScratchScope scope, Duration timeout, Retention retention) {
        this.scope = scope;
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(WORKERS, task -> {
            Thread thread = new Thread(task, "warmup-commit-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        MemoryLedgerBackend backend = new MemoryLedgerBackend(timeout, retention);
        this.stores = new Stores(
                new BatchedLedger(backend, new LedgerMetrics(new MetricRegistry()), Optional.of(workers), MAX_BATCH,
                        timeout, retention.finishedHolds(), CriticalSectionHook.NONE),
                backend,
                new MemoryIdempotencyKeys(Clock.systemUTC()),
                new MemoryWaitingRooms(),
                UNLIMITED,
                null); // the warm-up sends no webhook call: around() keeps the shared webhooks
    }

    /** The shared stores, each answering the warm-up's own requests from the scratch one instead. */
    public Stores around(Stores shared) {
        return new Stores(
                ScratchRoute.of(Ledger.class, shared.ledger(), this, Stores::ledger),
                ScratchRoute.of(LedgerReads.class, shared.reads(), this, Stores::reads),
                ScratchRoute.of(IdempotencyKeys.class, shared.idempotencyKeys(), this, Stores::idempotencyKeys),
                ScratchRoute.of(WaitingRooms.class, shared.waitingRooms(), this, Stores::waitingRooms),
                ScratchRoute.of(RateLimitBuckets.class, shared.rateLimits(), this, Stores::rateLimits),
                shared.webhooks());
    }

    /** Whether the call on this thread belongs to a warm-up request. */
    boolean active() {
        return scope.active();
    }

    Stores stores() {
        Stores current = stores;
        if (current == null) {
            throw new IllegalStateException("the warm-up is over: its scratch store is gone");
        }
        return current;
    }

    /** The warm-up is over: its scratch data goes, its batch workers stop. */
    public void close() {
        stores = null;
        workers.shutdown();
    }
}
