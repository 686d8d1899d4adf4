package boxoffice.store.ledger;

import boxoffice.refusals.StoreUnavailableException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Group commit. Commands queue per event; while one batch of an event is running, the commands that arrive meanwhile
 * wait and then run together as the next batch, with one lock acquisition and one commit. A batch never waits for
 * commands that have not arrived: an idle event's first command runs at once, alone. At most one batch per event runs
 * at a time on this instance, and an event with more work goes to the back of the worker queue after each batch, so
 * a hot event cannot starve the others. A batch also stops at {@link #MAX_BATCH_WORK} units of
 * {@link LedgerCommand#work}, so that holds picking many seats each keep the event's lock for short batches, one
 * answered after another, instead of one long batch that every command queued behind it times out waiting for.
 */
final class CommandBatcher {
    /** About what a batch of 256 holds of a few seats picked each costs; a batch always takes one command. */
    static final int MAX_BATCH_WORK = 2_000;

    private final BatchRunner runner;
    private final ExecutorService workers;
    private final int maxBatchSize;
    private final ConcurrentHashMap<String, EventQueue> queues = new ConcurrentHashMap<>();
    private final AtomicInteger queued = new AtomicInteger();

    CommandBatcher(BatchRunner runner, ExecutorService workers, int maxBatchSize) {
        this.runner = runner;
        this.workers = workers;
        this.maxBatchSize = maxBatchSize;
    }

    /** Queues the command for its event's next batch. */
    void submit(PendingCommand<?> pending) {
        queued.incrementAndGet();
        if (enqueue(pending)) {
            schedule(pending.command().eventId());
        }
    }

    /** Commands waiting for a batch on this instance. */
    int queueDepth() {
        return queued.get();
    }

    /** Adds the command; returns true when its event had no drain running, so one must start. */
    private boolean enqueue(PendingCommand<?> pending) {
        boolean[] startDrain = {false};
        queues.compute(pending.command().eventId(), (eventId, queue) -> {
            EventQueue target = queue == null ? new EventQueue() : queue;
            target.pending.add(pending);
            startDrain[0] = !target.draining;
            target.draining = true;
            return target;
        });
        return startDrain[0];
    }

    private void schedule(String eventId) {
        try {
            workers.execute(() -> drain(eventId));
        } catch (RejectedExecutionException shuttingDown) {
            EventQueue orphaned = queues.remove(eventId);
            if (orphaned != null) {
                queued.addAndGet(-orphaned.pending.size());
                orphaned.pending.forEach(p -> p.fail(new StoreUnavailableException("shutting down")));
            }
        }
    }

    private void drain(String eventId) {
        List<PendingCommand<?>> live = new ArrayList<>();
        for (PendingCommand<?> pending : takeBatch(eventId, maxBatchSize)) {
            if (pending.stillWanted()) {
                live.add(pending);
            }
        }
        try {
            runner.run(eventId, live);
        } finally {
            if (moreQueued(eventId)) {
                schedule(eventId);
            }
        }
    }

    private List<PendingCommand<?>> takeBatch(String eventId, int limit) {
        List<PendingCommand<?>> batch = new ArrayList<>();
        queues.computeIfPresent(eventId, (id, queue) -> {
            int work = 0;
            while (batch.size() < limit && !queue.pending.isEmpty()
                    && (batch.isEmpty() || work + queue.pending.peek().command().work() <= MAX_BATCH_WORK)) {
                work += queue.pending.peek().command().work();
                batch.add(queue.pending.poll());
            }
            return queue;
        });
        queued.addAndGet(-batch.size());
        return batch;
    }

    /** Ends a drain: drops the event's queue when it is empty, else keeps it draining and returns true. */
    private boolean moreQueued(String eventId) {
        boolean[] more = {false};
        queues.computeIfPresent(eventId, (id, queue) -> {
            more[0] = !queue.pending.isEmpty();
            return more[0] ? queue : null;
        });
        return more[0];
    }

    private static final class EventQueue {
        final Queue<PendingCommand<?>> pending = new ArrayDeque<>();
        boolean draining;
    }
}
