package boxoffice.store.ledger;

import boxoffice.domain.Hold;
import boxoffice.refusals.StoreUnavailableException;
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
    /** The most due holds a batch releases ({@link DueSlice}). */
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

    /**
     * Completes every command of the batch, one way or another; never throws. A commit that failed without a known
     * outcome (its answer lost to a timeout, too few replicas) is read back by running the batch again: the ledger's
     * rules are idempotent, so what that commit wrote comes back as a replay, and what it did not write is written now.
     */
    void run(String eventId, List<PendingCommand<?>> batch) {
        if (batch.isEmpty()) {
            return;
        }
        metrics.batch(batch.size());
        Instant now = batch.stream().map(p -> p.command().now()).max(Comparator.naturalOrder()).orElseThrow();
        ReadSet reads = batch.stream().map(p -> p.command().reads()).reduce(ReadSet.NOTHING, ReadSet::plus);
        try {
            runAttempts(eventId, batch, reads, now);
        } finally {
            // A claimed command's caller waits without a deadline: even an Error must not leave it waiting forever.
            failAll(batch, new StoreUnavailableException("the batch for event " + eventId + " ended unexpectedly"));
        }
    }

    private void runAttempts(String eventId, List<PendingCommand<?>> batch, ReadSet reads, Instant now) {
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= maxAttempts; attempt++) {
            try {
                if (runOnce(eventId, batch, reads, now)) {
                    return;
                }
                metrics.fencingRejected();
                LOG.warn("Commit for event {} was fenced off (lock lost); retrying, attempt {}", eventId, attempt);
                failure = new StoreUnavailableException("event " + eventId + " kept changing under its lock");
            } catch (RuntimeException e) {
                if (!(e instanceof StoreUnavailableException)) {
                    LOG.error("Batch for event {} failed", eventId, e);
                }
                failure = e;
                if (batch.stream().noneMatch(PendingCommand::isInDoubt)) {
                    break;
                }
                LOG.warn("Commit for event {} has no known outcome ({}); reading it back, attempt {}",
                        eventId, e.getMessage(), attempt);
            }
        }
        failAll(batch, failure);
    }

    /** Returns false when the fenced commit was refused. */
    private boolean runOnce(String eventId, List<PendingCommand<?>> batch, ReadSet reads, Instant now) {
        long waitStart = System.nanoTime();
        try (EventLocks.Held lock = backend.locks().acquire(eventId)) {
            long heldStart = System.nanoTime();
            metrics.lockWaited(heldStart - waitStart);
            try {
                Optional<LedgerSnapshot> snapshot = backend.readForUpdate(eventId, reads, now,
                        DueSlice.of(batch, dueLimit));
                if (snapshot.isEmpty()) {
                    batch.forEach(p -> p.fail(p.command().notFound()));
                    return true;
                }
                hook.insideLock(eventId);
                // Decided here, before anything is applied: a command whose caller has given up is left out.
                List<PendingCommand<?>> claimed = batch.stream().filter(PendingCommand::claim).toList();
                if (claimed.isEmpty()) {
                    return true;
                }
                EventLedger ledger = new EventLedger(snapshot.get(), now, finishedHoldRetention);
                ledger.releaseDue();
                ledger.offerFreedSeats();
                List<Runnable> answers = claimed.stream().map(p -> {
                    Runnable answer = p.applyTo(ledger, metrics);
                    ledger.offerFreedSeats(); // right after the command that freed them, before the next may take them
                    return answer;
                }).toList();
                if (ledger.hasChanges() || ledger.hasReplays()) {
                    LedgerChanges changes = ledger.changes();
                    if (!commit(eventId, snapshot.get().version(), changes, claimed)) {
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

    /**
     * The fenced commit. Refused, it wrote nothing: its commands may give up. Failed, it may or may not have written:
     * its commands stay claimed (in doubt) and their callers wait for the batch to read the outcome back.
     */
    private boolean commit(String eventId, long version, LedgerChanges changes, List<PendingCommand<?>> claimed) {
        boolean applied;
        try {
            applied = backend.commit(eventId, version, changes);
        } catch (RuntimeException unknownOutcome) {
            claimed.forEach(PendingCommand::inDoubt);
            throw unknownOutcome;
        }
        if (!applied) {
            claimed.forEach(PendingCommand::refused);
        }
        return applied;
    }

    /** Holds released by time; a release on request is logged by the service that was asked. */
    private static void logExpiries(List<Hold> expired, Instant now) {
        expired.stream()
                .filter(hold -> !hold.expiresAt().isAfter(now))
                .forEach(hold -> LOG.info("Hold expired hold_id={} event_id={} qty={}",
                        hold.id(), hold.eventId(), hold.qty()));
    }

    /** A command still in doubt is told so: its write may stand, and a retry of its request finds it. */
    private static void failAll(List<PendingCommand<?>> batch, RuntimeException failure) {
        batch.forEach(p -> p.fail(p.isInDoubt() ? StoreUnavailableException.outcomeUnknown(failure.getMessage()) : failure));
    }
}
