package boxoffice.store.memory;

import boxoffice.store.Retention;
import boxoffice.store.ledger.CriticalSectionHook;
import boxoffice.store.ledger.GroupCommitFactory;
import boxoffice.store.ledger.StoreFactory;
import boxoffice.store.ledger.Stores;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.core.setup.Environment;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;

/**
 * {@code store: type: memory}: everything in this process. Ignores the Redis settings that the shipped config.yml
 * carries, so that {@code STORE} alone switches between the two.
 */
@JsonTypeName("memory")
@JsonIgnoreProperties(ignoreUnknown = true)
public class MemoryStoreFactory implements StoreFactory {
    @Valid
    @NotNull
    @JsonProperty
    private GroupCommitFactory groupCommit = new GroupCommitFactory();

    public GroupCommitFactory getGroupCommit() {
        return groupCommit;
    }

    @Override
    public Stores build(Environment environment, Retention retention) {
        MemoryLedgerBackend backend =
                new MemoryLedgerBackend(groupCommit.getTimeout().toJavaDuration(), retention);
        environment.healthChecks().register("store", new MemoryStoreHealthCheck());
        return new Stores(
                groupCommit.build(environment, backend, retention.finishedHolds(), CriticalSectionHook.NONE),
                backend,
                new MemoryIdempotencyKeys(Clock.systemUTC()),
                new MemoryWaitingRooms(),
                new MemoryRateLimitBuckets(),
                new MemoryWebhooks(Clock.systemUTC()));
    }

    @Override
    public Duration timeout() {
        return groupCommit.getTimeout().toJavaDuration();
    }

    @Override
    public String describe() {
        return "in-memory store: data lives in this process only and is lost on restart; for development and demos,"
                + " never for more than one instance (set STORE=redis for production)";
    }
}
