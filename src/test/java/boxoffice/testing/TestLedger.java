package boxoffice.testing;

import boxoffice.store.ledger.BatchedLedger;
import boxoffice.store.ledger.CriticalSectionHook;
import boxoffice.store.ledger.LedgerBackend;
import boxoffice.store.ledger.LedgerMetrics;
import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * A ledger built for a test, with the backend it writes and reads: the one place tests build a {@link BatchedLedger}.
 * By default commands run one by one on the caller's thread, wait 5 s, keep finished holds for
 * {@link TestStores#RETENTION} and count into a registry of their own; {@link Builder} changes what a test needs.
 */
public record TestLedger(BatchedLedger ledger, LedgerBackend reads) {
    private static final int MAX_BATCH = 256;

    public static Builder over(LedgerBackend backend) {
        return new Builder(backend);
    }

    public static final class Builder {
        private final LedgerBackend backend;
        private Optional<ExecutorService> workers = Optional.empty();
        private MetricRegistry registry = new MetricRegistry();
        private Duration timeout = Duration.ofSeconds(5);
        private CriticalSectionHook hook = CriticalSectionHook.NONE;

        private Builder(LedgerBackend backend) {
            this.backend = backend;
        }

        /** Commands batched on {@code workers} (group commit, as in production); empty runs each on its caller. */
        public Builder batchedOn(Optional<ExecutorService> workers) {
            this.workers = workers;
            return this;
        }

        public Builder batchedOn(ExecutorService workers) {
            return batchedOn(Optional.of(workers));
        }

        public Builder metrics(MetricRegistry registry) {
            this.registry = registry;
            return this;
        }

        /** How long a caller waits for its command before the store counts as unavailable. */
        public Builder timeout(Duration timeout) {
            this.timeout = timeout;
            return this;
        }

        /** Runs inside each batch's critical section, to stall or fail it on purpose. */
        public Builder hook(CriticalSectionHook hook) {
            this.hook = hook;
            return this;
        }

        public TestLedger build() {
            return new TestLedger(new BatchedLedger(backend, new LedgerMetrics(registry), workers, MAX_BATCH, timeout,
                    TestStores.RETENTION, hook), backend);
        }
    }
}
