package boxoffice.store.ledger;

import boxoffice.core.EventCounts;
import static boxoffice.testing.HoldFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.core.Event;
import boxoffice.core.Hold;
import boxoffice.core.HoldNotFoundException;
import boxoffice.core.SeatCounts;
import boxoffice.core.StoreUnavailableException;
import boxoffice.store.memory.MemoryLedgerBackend;
import boxoffice.testing.EventFixtures;
import boxoffice.testing.HoldFixtures;
import boxoffice.testing.TestStores;
import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the group-commit front of the store does with commands that never reach a batch. */
class LedgerSeatStoreTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final ExecutorService workers = Executors.newFixedThreadPool(2);
    private final LedgerSeatStore store = new LedgerSeatStore(new MemoryLedgerBackend(TIMEOUT, TestStores.RETENTIONS),
            new LedgerMetrics(new MetricRegistry()), Optional.of(workers), 256, TIMEOUT, TestStores.RETENTION, CriticalSectionHook.NONE);

    @AfterEach
    void tearDown() {
        workers.shutdownNow();
    }

    private Event newEvent(int seats) {
        return store.createEvent(EventFixtures.event(seats, now));
    }

    @Test
    void malformedHoldIdsAreRefusedBeforeTheyAreQueued() {
        assertThatThrownBy(() -> store.book("nope", "pt_x", "b", now)).isInstanceOf(HoldNotFoundException.class);
        assertThatThrownBy(() -> store.release("nope", Optional.empty(), now))
                .isInstanceOf(HoldNotFoundException.class);

        assertThat(store.queueDepth()).isZero();
    }

    @Test
    void afterTheWorkersStopMutationsFailFastAsUnavailableAndWriteNothing() {
        Event event = newEvent(10);
        workers.shutdown();
        Hold hold = HoldFixtures.active(event, 2, now, Duration.ofSeconds(120));

        long start = System.nanoTime();
        assertThatThrownBy(() -> store.placeHold(order(hold), now)).isInstanceOf(StoreUnavailableException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("no wait for the timeout").isLessThan(TIMEOUT);
        assertThat(store.queueDepth()).isZero();
        assertThat(store.findHold(hold.id())).isEmpty();
        assertThat(store.counts(event.id(), now).map(EventCounts::total)).contains(SeatCounts.fresh(10));
    }
}
