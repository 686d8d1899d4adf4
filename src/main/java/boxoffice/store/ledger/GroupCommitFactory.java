package boxoffice.store.ledger;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.util.Duration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;
import java.util.concurrent.ExecutorService;

/**
 * How mutations reach a store: batched per event (group commit) by a pool of workers, or one by one on the caller's
 * thread when {@code enabled} is false. {@code timeout} bounds how long a request waits for its batch.
 */
public class GroupCommitFactory {
    @JsonProperty
    private boolean enabled = true;

    @JsonProperty
    @Min(1)
    @Max(10_000)
    private int maxBatchSize = 256;

    @JsonProperty
    @Min(1)
    @Max(1_024)
    private int workers = 16;

    @JsonProperty
    @NotNull
    private Duration timeout = Duration.seconds(2);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public Duration getTimeout() {
        return timeout;
    }

    /** The ledger over {@code backend}, with its batch workers managed by the environment's lifecycle. */
    public BatchedLedger build(Environment environment, LedgerBackend backend, java.time.Duration finishedHoldRetention,
            CriticalSectionHook hook) {
        Optional<ExecutorService> pool = enabled
                ? Optional.of(environment.lifecycle().executorService("group-commit-%d")
                        .minThreads(workers).maxThreads(workers).build())
                : Optional.empty();
        BatchedLedger ledger = new BatchedLedger(backend, new LedgerMetrics(environment.metrics()), pool,
                maxBatchSize, timeout.toJavaDuration(), finishedHoldRetention, hook);
        environment.metrics().gauge("boxoffice.store.batch.queue_depth", () -> ledger::queueDepth);
        return ledger;
    }
}
