package boxoffice.store.ledger;

import static boxoffice.testing.fixtures.HoldFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.domain.Hold;
import boxoffice.domain.Outcome;
import boxoffice.domain.SeatCounts;
import boxoffice.refusals.StoreUnavailableException;
import boxoffice.store.ledger.LedgerCommand.PlaceHold;
import boxoffice.store.memory.MemoryLedgerBackend;
import boxoffice.testing.Pause;
import boxoffice.testing.fixtures.EventFixtures;
import boxoffice.testing.fixtures.FirstBatchStall;
import boxoffice.testing.fixtures.HoldFixtures;
import boxoffice.testing.fixtures.TestLedger;
import boxoffice.testing.fixtures.TestStores;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A caller answered 503 changed nothing; a command that is part of a commit is answered with its result, however long
 * that commit takes. The deadline is decided once, before the commit: these tests stall a batch on either side of it.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CommitDecisionTest {
    private static final Duration DEADLINE = Duration.ofMillis(300);
    private static final Duration PAST_THE_DEADLINE = Duration.ofMillis(800);
    private static final long WAIT_SECONDS = 10;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final MemoryLedgerBackend memory = new MemoryLedgerBackend(Duration.ofSeconds(10), TestStores.RETENTIONS);
    private final Event event = memory.insertEvent(EventFixtures.event(10, now));
    private final ExecutorService workers = Executors.newFixedThreadPool(2);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    private TestLedger store(LedgerBackend backend, CriticalSectionHook hook) {
        return TestLedger.over(backend).batchedOn(workers).timeout(DEADLINE).hook(hook).build();
    }

    private Hold newHold(int qty) {
        return HoldFixtures.active(event, qty, now, Duration.ofSeconds(120));
    }

    private CompletableFuture<Outcome<Hold>> placeAsync(TestLedger store, Hold hold) {
        return CompletableFuture.supplyAsync(() -> store.ledger().execute(new PlaceHold(order(hold), now)));
    }

    private Optional<SeatCounts> counts() {
        return memory.counts(event.id(), now).map(EventCounts::total);
    }

    @Test
    void aCommandWhoseDeadlinePassesWhileItsBatchCommitsIsAnsweredWithItsResult() throws Exception {
        CountDownLatch committing = new CountDownLatch(1);
        CountDownLatch goOn = new CountDownLatch(1);
        LedgerBackend slowCommit = new ForwardingLedgerBackend(memory) {
            @Override
            public boolean commit(String eventId, long expectedVersion, LedgerChanges changes) {
                committing.countDown();
                await(goOn);
                return super.commit(eventId, expectedVersion, changes);
            }
        };
        Hold hold = newHold(2);

        CompletableFuture<Outcome<Hold>> placed = placeAsync(store(slowCommit, CriticalSectionHook.NONE), hold);
        assertThat(committing.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        Pause.sleep(PAST_THE_DEADLINE);
        goOn.countDown();

        assertThat(placed.get(WAIT_SECONDS, TimeUnit.SECONDS).value().id()).isEqualTo(hold.id());
        assertThat(memory.findHold(hold.id())).isPresent();
        assertThat(counts()).contains(new SeatCounts(10, 8, 2, 0));
    }

    @Test
    void aCommandWhoseDeadlinePassedBeforeItsBatchTookItIsAnswered503AndNotCommitted() throws Exception {
        FirstBatchStall stall = new FirstBatchStall();
        Hold late = newHold(2);

        CompletableFuture<Outcome<Hold>> placed = placeAsync(store(memory, stall), late);
        assertThat(stall.awaitInside()).isTrue();
        assertUnavailable(placed);
        stall.release();

        assertNeverCommitted(late);
    }

    @Test
    void aCommandWhoseCommitWasRefusedAfterItsDeadlineIsAnswered503AndNotCommitted() throws Exception {
        AtomicInteger commits = new AtomicInteger();
        LedgerBackend fencedOnce = new ForwardingLedgerBackend(memory) {
            @Override
            public boolean commit(String eventId, long expectedVersion, LedgerChanges changes) {
                if (commits.incrementAndGet() == 1) {
                    Pause.sleep(PAST_THE_DEADLINE);
                    return false; // the lock was lost meanwhile: nothing written
                }
                return super.commit(eventId, expectedVersion, changes);
            }
        };
        Hold hold = newHold(2);

        assertUnavailable(placeAsync(store(fencedOnce, CriticalSectionHook.NONE), hold));

        assertNeverCommitted(hold);
    }

    @Test
    void aCommitWhoseAnswerWasLostIsReadBackAndAnsweredWithItsResult() throws Exception {
        AtomicInteger commits = new AtomicInteger();
        LedgerBackend answerLostOnce = new ForwardingLedgerBackend(memory) {
            @Override
            public boolean commit(String eventId, long expectedVersion, LedgerChanges changes) {
                boolean applied = super.commit(eventId, expectedVersion, changes);
                if (commits.incrementAndGet() == 1) {
                    throw new StoreUnavailableException("redis commit did not answer in time");
                }
                return applied;
            }
        };
        Hold hold = newHold(3);

        Outcome<Hold> placed = placeAsync(store(answerLostOnce, CriticalSectionHook.NONE), hold)
                .get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertThat(placed.value().id()).isEqualTo(hold.id());
        assertThat(placed.changed()).as("the first commit made it; the read-back replays it").isFalse();
        assertThat(counts()).contains(new SeatCounts(10, 7, 3, 0));
    }

    @Test
    void aCommitWhoseOutcomeCannotBeLearnedIsAnswered503SayingItMayStand() throws Exception {
        LedgerBackend answersLost = new ForwardingLedgerBackend(memory) {
            @Override
            public boolean commit(String eventId, long expectedVersion, LedgerChanges changes) {
                super.commit(eventId, expectedVersion, changes);
                throw new StoreUnavailableException("redis commit did not answer in time");
            }
        };
        Hold hold = newHold(3);

        StoreUnavailableException unavailable = assertUnavailable(
                placeAsync(store(answersLost, CriticalSectionHook.NONE), hold));

        assertThat(unavailable.outcomeUnknown()).isTrue();
        assertThat(memory.findHold(hold.id())).as("a retry with the same hold id finds it").isPresent();
    }

    /** Lets the stalled batch finish whatever it still does, then checks it wrote nothing. */
    private void assertNeverCommitted(Hold hold) throws InterruptedException {
        workers.shutdown();
        assertThat(workers.awaitTermination(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(memory.findHold(hold.id())).isEmpty();
        assertThat(counts()).contains(SeatCounts.fresh(10));
    }

    private static StoreUnavailableException assertUnavailable(CompletableFuture<?> call) {
        assertThatThrownBy(() -> call.get(WAIT_SECONDS, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(StoreUnavailableException.class);
        return (StoreUnavailableException) call.handle((value, failure) -> failure.getCause()).join();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
