package boxoffice.store.ledger;

import boxoffice.domain.Event;
import boxoffice.support.RequestDeadline;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * The {@link Ledger} over any {@link LedgerBackend}: commands run in batches (group commit) or one by one, each batch
 * under the event's lock with a fenced commit. Reads do not pass through here: services read the backend directly.
 */
public final class BatchedLedger implements Ledger {
    private static final int MAX_FENCED_ATTEMPTS = 5;

    private final LedgerBackend backend;
    private final BatchRunner runner;
    private final Optional<CommandBatcher> batcher;
    private final Duration timeout;

    /**
     * @param workers runs the batches; empty turns group commit off, so each command runs alone on its caller's thread
     * @param timeout how long a caller waits for its command before the store counts as unavailable
     * @param finishedHoldRetention how long the backend remembers finished holds
     */
    public BatchedLedger(
            LedgerBackend backend,
            LedgerMetrics metrics,
            Optional<ExecutorService> workers,
            int maxBatchSize,
            Duration timeout,
            Duration finishedHoldRetention,
            CriticalSectionHook hook) {
        this.backend = backend;
        this.runner = new BatchRunner(backend, metrics, hook, MAX_FENCED_ATTEMPTS, DueSlice.SWEEP,
                finishedHoldRetention);
        this.batcher = workers.map(executor -> new CommandBatcher(runner, executor, maxBatchSize));
        this.timeout = timeout;
    }

    @Override
    public Event createEvent(Event event) {
        return backend.insertEvent(event);
    }

    @Override
    public <R> R execute(LedgerCommand<R> command) {
        String eventId = command.eventId(); // a malformed hold id is refused here, before anything is queued
        PendingCommand<R> pending = new PendingCommand<>(command, timeout);
        batcher.ifPresentOrElse(
                queue -> queue.submit(pending),
                // as on a batch worker: the command's own deadline decides whether it is committed, not the calls
                () -> RequestDeadline.suspendedFor(() -> runner.run(eventId, List.of(pending))));
        return command.answer(pending.await(), backend);
    }

    /** Commands waiting for a batch on this instance (0 with group commit off). */
    public int queueDepth() {
        return batcher.map(CommandBatcher::queueDepth).orElse(0);
    }
}
