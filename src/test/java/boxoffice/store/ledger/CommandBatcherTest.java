package boxoffice.store.ledger;

import static boxoffice.testing.fixtures.HoldFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.domain.Event;
import boxoffice.domain.Hold;
import boxoffice.domain.HoldOrder;
import boxoffice.domain.Outcome;
import boxoffice.domain.SeatCounts;
import boxoffice.domain.SeatRequest;
import boxoffice.refusals.StoreUnavailableException;
import boxoffice.store.memory.MemoryLedgerBackend;
import boxoffice.testing.fixtures.EventFixtures;
import boxoffice.testing.fixtures.HoldFixtures;
import boxoffice.testing.fixtures.TestStores;
import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Group commit, driven step by step: a gate inside the critical section holds one event's batch for as long as a
 * test needs (a slow lock holder), so what queues meanwhile, and in which order batches run, is deterministic.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CommandBatcherTest {
    private static final Duration PATIENT = Duration.ofSeconds(20);
    private static final Duration IMPATIENT = Duration.ofMillis(100);
    private static final long WAIT_SECONDS = 10;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final MetricRegistry registry = new MetricRegistry();
    private final MemoryLedgerBackend backend = new MemoryLedgerBackend(PATIENT, TestStores.RETENTIONS);
    private final Gate gate = new Gate();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private ExecutorService workers;
    private CommandBatcher batcher;

    @AfterEach
    void tearDown() {
        gate.openForever();
        workers.shutdownNow();
        callers.shutdownNow();
    }

    private void startBatcher(int workerThreads, int maxBatchSize) {
        workers = Executors.newFixedThreadPool(workerThreads);
        BatchRunner runner = new BatchRunner(backend, new LedgerMetrics(registry), gate, 5, 1_000,
                TestStores.RETENTION);
        batcher = new CommandBatcher(runner, workers, maxBatchSize);
    }

    private Event newEvent(int seats) {
        return backend.insertEvent(EventFixtures.event(seats, now));
    }

    private PendingCommand<Outcome<Hold>> submitHold(Event event, Duration timeout) {
        Hold hold = HoldFixtures.active(event, 1, now, Duration.ofSeconds(120));
        PendingCommand<Outcome<Hold>> pending = new PendingCommand<>(new LedgerCommand.PlaceHold(order(hold), now), timeout);
        batcher.submit(pending);
        return pending;
    }

    /** The caller's side of a command: waits for it on a thread of its own. */
    private <R> CompletableFuture<R> caller(PendingCommand<R> pending) {
        return CompletableFuture.supplyAsync(pending::await, callers);
    }

    private List<Long> batchSizes() {
        return Arrays.stream(registry.histogram("boxoffice.store.batch.size").getSnapshot().getValues())
                .boxed()
                .toList();
    }

    private SeatCounts counts(Event event) {
        return backend.counts(event.id(), now).orElseThrow().total();
    }

    @Test
    void commandsArrivingWhileABatchRunsAreAppliedTogetherInTheNextBatch() throws Exception {
        startBatcher(4, 256);
        Event hot = newEvent(100);
        gate.close(hot.id());
        PendingCommand<Outcome<Hold>> first = submitHold(hot, PATIENT);
        gate.awaitEntered();
        List<PendingCommand<Outcome<Hold>>> queued = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            queued.add(submitHold(hot, PATIENT));
        }
        assertThat(batcher.queueDepth()).isEqualTo(9);

        gate.openForever();

        assertThat(first.await().changed()).isTrue();
        for (PendingCommand<Outcome<Hold>> pending : queued) {
            assertThat(pending.await().changed()).isTrue();
        }
        assertThat(batchSizes()).containsExactlyInAnyOrder(1L, 9L);
        assertThat(gate.entries()).as("one lock acquisition per batch").isEqualTo(2);
        assertThat(counts(hot)).isEqualTo(new SeatCounts(100, 90, 10, 0));
        assertThat(batcher.queueDepth()).isZero();
    }

    @Test
    void aBatchTakesAtMostMaxBatchSizeCommands() throws Exception {
        startBatcher(1, 4);
        Event hot = newEvent(100);
        gate.close(hot.id());
        PendingCommand<Outcome<Hold>> first = submitHold(hot, PATIENT);
        gate.awaitEntered();
        List<PendingCommand<Outcome<Hold>>> queued = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            queued.add(submitHold(hot, PATIENT));
        }

        gate.openForever();

        first.await();
        queued.forEach(PendingCommand::await);
        assertThat(batchSizes()).containsExactlyInAnyOrder(1L, 4L, 4L, 2L);
        assertThat(counts(hot)).isEqualTo(new SeatCounts(100, 89, 11, 0));
    }

    @Test
    void aBatchStopsAtItsWorkBudgetSoCostlyHoldsAreAnsweredInShortBatches() throws Exception {
        startBatcher(1, 256);
        Event arena = backend.insertEvent(EventFixtures.withSections(now, EventFixtures.reservedSection("floor", 1,
                10_000)));
        gate.close(arena.id());
        PendingCommand<Outcome<Hold>> first = submitBest(arena, 1);
        gate.awaitEntered();
        List<PendingCommand<Outcome<Hold>>> queued = new ArrayList<>();
        int costly = CommandBatcher.MAX_BATCH_WORK / 2 - 1; // two fit a batch's budget, a third does not
        for (int i = 0; i < 5; i++) {
            queued.add(submitBest(arena, costly));
        }

        gate.openForever();

        first.await();
        for (PendingCommand<Outcome<Hold>> pending : queued) {
            assertThat(pending.await().value().qty()).isEqualTo(costly);
        }
        assertThat(batchSizes()).containsExactlyInAnyOrder(1L, 2L, 2L, 1L);
    }

    private PendingCommand<Outcome<Hold>> submitBest(Event event, int seats) {
        HoldOrder order = HoldFixtures.ordering(event, now, Duration.ofSeconds(120),
                new SeatRequest.Best("floor", seats, false, false));
        PendingCommand<Outcome<Hold>> pending = new PendingCommand<>(new LedgerCommand.PlaceHold(order, now), PATIENT);
        batcher.submit(pending);
        return pending;
    }

    @Test
    void aHotEventDoesNotStarveAColdOne() throws Exception {
        startBatcher(1, 256); // one worker: the cold event can only run between two batches of the hot one
        Event hot = newEvent(100);
        Event cold = newEvent(100);
        gate.close(hot.id());
        CompletableFuture<Outcome<Hold>> firstHot = caller(submitHold(hot, PATIENT));
        gate.awaitEntered();
        List<CompletableFuture<Outcome<Hold>>> laterHot = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            laterHot.add(caller(submitHold(hot, PATIENT)));
        }
        CompletableFuture<Outcome<Hold>> coldHold = caller(submitHold(cold, PATIENT));

        gate.letOneThrough();

        assertThat(firstHot.get(WAIT_SECONDS, TimeUnit.SECONDS).changed()).isTrue();
        assertThat(coldHold.get(WAIT_SECONDS, TimeUnit.SECONDS).changed()).isTrue();
        gate.awaitEntered(); // the hot event's next batch is now stuck in its critical section
        assertThat(laterHot).noneMatch(CompletableFuture::isDone);
        assertThat(counts(cold)).isEqualTo(new SeatCounts(100, 99, 1, 0));

        gate.openForever();

        for (CompletableFuture<Outcome<Hold>> hold : laterHot) {
            assertThat(hold.get(WAIT_SECONDS, TimeUnit.SECONDS).changed()).isTrue();
        }
        assertThat(counts(hot)).isEqualTo(new SeatCounts(100, 94, 6, 0));
    }

    @Test
    void commandsWhoseCallersGaveUpAreNotApplied() throws Exception {
        startBatcher(1, 256);
        Event hot = newEvent(100);
        gate.close(hot.id());
        PendingCommand<Outcome<Hold>> first = submitHold(hot, PATIENT);
        gate.awaitEntered();
        PendingCommand<Outcome<Hold>> abandoned = submitHold(hot, IMPATIENT);
        HoldOrder abandonedHold = ((LedgerCommand.PlaceHold) abandoned.command()).order();
        PendingCommand<Outcome<Hold>> last = submitHold(hot, PATIENT);

        assertThatThrownBy(abandoned::await).isInstanceOf(StoreUnavailableException.class);
        gate.openForever();

        assertThat(first.await().changed()).isTrue();
        assertThat(last.await().changed()).isTrue();
        assertThat(backend.findHold(abandonedHold.holdId())).isEmpty();
        assertThat(counts(hot)).isEqualTo(new SeatCounts(100, 98, 2, 0));
        assertThat(batchSizes()).as("the abandoned command never reached a batch").containsExactlyInAnyOrder(1L, 1L);
    }

    @Test
    void releaseDueCountsOnlyHoldsReleasedByTimeNotOnesReleasedOnRequestInTheSameBatch() throws Exception {
        startBatcher(1, 256);
        Event event = newEvent(100);
        PendingCommand<Outcome<Hold>> placed = submitHold(event, PATIENT);
        Hold hold = placed.await().value();
        gate.close(event.id());
        PendingCommand<Outcome<Hold>> blocker = submitHold(event, PATIENT);
        gate.awaitEntered();
        PendingCommand<Outcome<Hold>> release =
                new PendingCommand<>(new LedgerCommand.Release(hold.id(), Optional.empty(), now), PATIENT);
        PendingCommand<Integer> sweep = new PendingCommand<>(new LedgerCommand.ReleaseDue(event.id(), now), PATIENT);
        batcher.submit(release);
        batcher.submit(sweep);

        gate.openForever();

        blocker.await();
        assertThat(release.await().changed()).isTrue();
        assertThat(sweep.await()).as("no hold was due, so the sweep released none").isZero();
        assertThat(batchSizes()).containsExactlyInAnyOrder(1L, 1L, 2L);
        assertThat(counts(event)).isEqualTo(new SeatCounts(100, 99, 1, 0));
    }

    /**
     * A slow lock holder on demand: while closed for an event, each batch of that event stops inside its critical
     * section until the test lets it through. Other events pass freely.
     */
    private static final class Gate implements CriticalSectionHook {
        private final Semaphore entered = new Semaphore(0);
        private final Semaphore permits = new Semaphore(0);
        private volatile Set<String> gated = Set.of();
        private final AtomicInteger entries = new AtomicInteger();

        void close(String eventId) {
            gated = Set.of(eventId);
        }

        void letOneThrough() {
            permits.release();
        }

        void openForever() {
            gated = Set.of();
            permits.release(10_000);
        }

        /** Critical sections entered so far, by any event's batch. */
        int entries() {
            return entries.get();
        }

        void awaitEntered() throws InterruptedException {
            assertThat(entered.tryAcquire(WAIT_SECONDS, TimeUnit.SECONDS))
                    .as("a batch entered the critical section")
                    .isTrue();
        }

        @Override
        public void insideLock(String eventId) {
            entries.incrementAndGet();
            if (!gated.contains(eventId)) {
                return;
            }
            entered.release();
            try {
                permits.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
