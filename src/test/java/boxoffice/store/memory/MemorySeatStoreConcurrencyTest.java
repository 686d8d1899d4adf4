package boxoffice.store.memory;

import boxoffice.store.SeatStore;
import boxoffice.store.SeatStoreConcurrencyContract;
import boxoffice.store.ledger.CriticalSectionHook;
import boxoffice.store.ledger.LedgerMetrics;
import boxoffice.store.ledger.LedgerSeatStore;
import boxoffice.testing.TestStores;
import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/** The concurrency races against the in-memory backend, with group commit on and off. */
class MemorySeatStoreConcurrencyTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Nested
    class WithGroupCommit extends SeatStoreConcurrencyContract {
        private ExecutorService workers;
        private SeatStore store;

        @BeforeEach
        void setUp() {
            workers = Executors.newFixedThreadPool(8);
            store = new LedgerSeatStore(new MemoryLedgerBackend(TIMEOUT, TestStores.RETENTIONS), new LedgerMetrics(new MetricRegistry()),
                    Optional.of(workers), 256, TIMEOUT, TestStores.RETENTION, CriticalSectionHook.NONE);
        }

        @AfterEach
        void tearDown() throws InterruptedException {
            workers.shutdown();
            workers.awaitTermination(5, TimeUnit.SECONDS);
        }

        @Override
        protected SeatStore store() {
            return store;
        }
    }

    @Nested
    class WithoutGroupCommit extends SeatStoreConcurrencyContract {
        private SeatStore store;

        @BeforeEach
        void setUp() {
            store = new LedgerSeatStore(new MemoryLedgerBackend(TIMEOUT, TestStores.RETENTIONS), new LedgerMetrics(new MetricRegistry()),
                    Optional.empty(), 256, TIMEOUT, TestStores.RETENTION, CriticalSectionHook.NONE);
        }

        @Override
        protected SeatStore store() {
            return store;
        }
    }
}
