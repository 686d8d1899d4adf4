package boxoffice.store.memory;

import boxoffice.store.SeatStoreConcurrencyContract;
import boxoffice.testing.fixtures.TestLedger;
import boxoffice.testing.fixtures.TestStores;
import java.time.Duration;
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
        private TestLedger store;

        @BeforeEach
        void setUp() {
            workers = Executors.newFixedThreadPool(8);
            store = TestLedger.over(new MemoryLedgerBackend(TIMEOUT, TestStores.RETENTIONS)).batchedOn(workers)
                    .timeout(TIMEOUT).build();
        }

        @AfterEach
        void tearDown() throws InterruptedException {
            workers.shutdown();
            workers.awaitTermination(5, TimeUnit.SECONDS);
        }

        @Override
        protected TestLedger store() {
            return store;
        }
    }

    @Nested
    class WithoutGroupCommit extends SeatStoreConcurrencyContract {
        private TestLedger store;

        @BeforeEach
        void setUp() {
            store = TestLedger.over(new MemoryLedgerBackend(TIMEOUT, TestStores.RETENTIONS)).timeout(TIMEOUT).build();
        }

        @Override
        protected TestLedger store() {
            return store;
        }
    }
}
