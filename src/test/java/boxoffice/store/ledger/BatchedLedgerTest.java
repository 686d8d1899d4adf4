package boxoffice.store.ledger;

import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.domain.Hold;
import boxoffice.domain.SeatCounts;
import boxoffice.refusals.HoldNotFoundException;
import boxoffice.refusals.StoreUnavailableException;
import boxoffice.store.ledger.LedgerCommand.Book;
import boxoffice.store.ledger.LedgerCommand.PlaceHold;
import boxoffice.store.ledger.LedgerCommand.Release;
import boxoffice.store.memory.MemoryLedgerBackend;
import boxoffice.testing.fixtures.EventFixtures;
import boxoffice.testing.fixtures.HoldFixtures;
import boxoffice.testing.fixtures.TestLedger;
import boxoffice.testing.fixtures.TestStores;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import static boxoffice.testing.fixtures.HoldFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** What the batched ledger does with commands that never reach a batch. */
class BatchedLedgerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final TestLedger store = TestLedger.over(new MemoryLedgerBackend(TIMEOUT, TestStores.RETENTIONS))
            .batchedOn(workers).timeout(TIMEOUT).build();

    @AfterEach
    void tearDown() {
        workers.shutdownNow();
    }

    private Event newEvent(int seats) {
        return store.ledger().createEvent(EventFixtures.event(seats, now));
    }

    @Test
    void malformedHoldIdsAreRefusedBeforeTheyAreQueued() {
        assertThatThrownBy(() -> store.ledger().execute(new Book("nope", "pt_x", "b", now)))
                .isInstanceOf(HoldNotFoundException.class);
        assertThatThrownBy(() -> store.ledger().execute(new Release("nope", Optional.empty(), now)))
                .isInstanceOf(HoldNotFoundException.class);

        assertThat(store.ledger().queueDepth()).isZero();
    }

    @Test
    void afterTheWorkersStopMutationsFailFastAsUnavailableAndWriteNothing() {
        Event event = newEvent(10);
        workers.shutdown();
        Hold hold = HoldFixtures.active(event, 2, now, Duration.ofSeconds(120));

        long start = System.nanoTime();
        assertThatThrownBy(() -> store.ledger().execute(new PlaceHold(order(hold), now)))
                .isInstanceOf(StoreUnavailableException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no wait for the timeout").isLessThan(TIMEOUT);
        assertThat(store.ledger().queueDepth()).isZero();
        assertThat(store.reads().findHold(hold.id())).isEmpty();
        assertThat(store.reads().counts(event.id(), now).map(EventCounts::total)).contains(SeatCounts.fresh(10));
    }
}
