package boxoffice.store.ledger;

import boxoffice.core.Hold;
import boxoffice.core.StoreUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one batch of an event's commands as one transaction: take the event's lock, read a snapshot, apply the
 * commands to a ledger, commit the changes fenced on the snapshot's version. If the commit is refused, the lock was
 * lost to another writer: nothing was written and nobody was answered, so the whole batch runs again.
 */
final class BatchRunner {
    private static final Logger LOG = LoggerFactory.getLogger(BatchRunner.class);

    private final LedgerBackend backend;
    private final LedgerMetrics metrics;
    private final CriticalSectionHook hook;
    private final int maxAttempts;
    private final int dueLimit;
    private final Duration finishedHoldRetention;

    BatchRunner(LedgerBackend backend, LedgerMetrics metrics, CriticalSectionHook hook, int maxAttempts, int dueLimit,
            Duration finishedHoldRetention) {
        this.backend = backend;
        this.metrics = metrics;
        this.hook = hook;
        this.maxAttempts = maxAttempts;
        this.dueLimit = dueLimit;
        this.finishedHoldRetention = finishedHoldRetention;
    }

    /** Completes every command of the batch, one way or another; never throws. */
    void run(String eventId, List<PendingCommand<?>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        metrics.batch(batch.size());
        Instant now = batch.stream().map(p -> p.command().now()).max(Comparator.naturalOrder()).orElseThrow();
        ReadSet reads = batch.stream().map(p -> p.command().reads()).reduce(ReadSet.NOTHING, ReadSet::plus);
        try {
            for (int attempt = 1; attempt <= maxAttempts; attempt++) {
                if (runOnce(eventId, batch, reads, now)) {
                    return;
                }
                metrics.fencingRejected();
                LOG.warn("Commit for event {} was fenced off (lock lost); retrying, attempt {}", eventId, attempt);
            }
            failAll(batch, new StoreUnavailableException("event " + eventId + " kept changing under its lock"));
        } catch (RuntimeException e) {
            if (!(e instanceof StoreUnavailableException)) {
                LOG.error("Batch for event {} failed", eventId, e);
            }
            failAll(batch, e);
        }
    }

    /** Returns false when the fenced commit was refused. */
    private boolean runOnce(String eventId, List<PendingCommand<?>> batch, ReadSet reads, Instant now) {
        long waitStart = System.nanoTime();
        try (EventLocks.Held lock = backend.locks().acquire(eventId)) {
            long heldStart = System.nanoTime();
            metrics.lockWaited(heldStart - waitStart);
            try {
                Optional<LedgerSnapshot> snapshot = backend.readForUpdate(eventId, reads, now, dueLimit);
                if (snapshot.isEmpty()) {
                    batch.forEach(p -> p.fail(p.command().notFound()));
                    return true;
                }
                hook.insideLock(eventId);
                EventLedger ledger = new EventLedger(snapshot.get(), now, finishedHoldRetention);
                ledger.releaseDue();
                ledger.offerFreedSeats();
                List<Runnable> answers = batch.stream().map(p -> {
                    Runnable answer = p.applyTo(ledger, metrics);
                    ledger.offerFreedSeats(); // right after the command that freed them, before the next may take them
                    return answer;
                }).toList();
                if (ledger.hasChanges() || ledger.hasReplays()) {
                    LedgerChanges changes = ledger.changes();
                    if (!backend.commit(eventId, snapshot.get().version(), changes)) {
                        return false;
                    }
                    metrics.committed(changes);
                    logExpiries(ledger.expiredHolds(), now);
                }
                answers.forEach(Runnable::run);
                return true;
            } finally {
                metrics.lockHeld(System.nanoTime() - heldStart);
            }
        }
    }

    /** Holds released by time; a release on request is logged by the service that was asked. */
    private static void logExpiries(List<Hold> expired, Instant now) {
        expired.stream()
                .filter(hold -> !hold.expiresAt().isAfter(now))
                .forEach(hold -> LOG.info("Hold expired hold_id={} event_id={} qty={}",
                        hold.id(), hold.eventId(), hold.qty()));
    }

    private static void failAll(List<PendingCommand<?>> batch, RuntimeException failure) {
        batch.forEach(p -> p.fail(failure));
    }
}
