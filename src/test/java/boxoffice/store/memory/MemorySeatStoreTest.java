package boxoffice.store.memory;

import boxoffice.store.IdempotencyKeys;
import boxoffice.store.SeatStore;
import boxoffice.store.SeatStoreContractTest;
import boxoffice.store.ledger.CriticalSectionHook;
import boxoffice.store.ledger.LedgerMetrics;
import boxoffice.store.ledger.LedgerSeatStore;
import com.codahale.metrics.MetricRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;

/** The store contract against the in-memory backend, with group commit on and off. */
class MemorySeatStoreTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Nested
    class WithGroupCommit extends SeatStoreContractTest {
        private ExecutorService workers;
        private SeatStore store;
        private IdempotencyKeys keys;

        @BeforeEach
        void setUp() {
            workers = Executors.newFixedThreadPool(8);
            store = new LedgerSeatStore(new MemoryLedgerBackend(TIMEOUT), new LedgerMetrics(new MetricRegistry()),
                    Optional.of(workers), 256, TIMEOUT, CriticalSectionHook.NONE);
            keys = new MemoryIdempotencyKeys(Clock.systemUTC());
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

        @Override
        protected IdempotencyKeys idempotencyKeys() {
            return keys;
        }
    }

    @Nested
    class WithoutGroupCommit extends SeatStoreContractTest {
        private SeatStore store;
        private IdempotencyKeys keys;

        @BeforeEach
        void setUp() {
            store = new LedgerSeatStore(new MemoryLedgerBackend(TIMEOUT), new LedgerMetrics(new MetricRegistry()),
                    Optional.empty(), 256, TIMEOUT, CriticalSectionHook.NONE);
            keys = new MemoryIdempotencyKeys(Clock.systemUTC());
        }

        @Override
        protected SeatStore store() {
            return store;
        }

        @Override
        protected IdempotencyKeys idempotencyKeys() {
            return keys;
        }
    }
}
