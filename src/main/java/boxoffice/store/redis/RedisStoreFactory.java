package boxoffice.store.redis;

import boxoffice.store.Retention;
import boxoffice.store.ledger.CriticalSectionHook;
import boxoffice.store.ledger.GroupCommitFactory;
import boxoffice.store.ledger.StoreFactory;
import boxoffice.store.ledger.Stores;
import com.codahale.metrics.CachedGauge;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeName;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RedissonClient;
import org.redisson.client.RedisException;

/**
 * {@code store: type: redis}: the production store, shared by every instance. Builds the Redis client and registers
 * what comes with it: its lifecycle, the {@code redis} health check and the {@code boxoffice.store.up} gauge.
 */
@JsonTypeName("redis")
public class RedisStoreFactory implements StoreFactory {
    @Valid
    @NotNull
    @JsonProperty
    private GroupCommitFactory groupCommit = new GroupCommitFactory();

    @Valid
    @NotNull
    @JsonProperty
    private RedisConnectionFactory redis = new RedisConnectionFactory();

    /**
     * A crashed lock holder must delay an event, never fail its requests: its lock dies (the lease) before the next
     * writer gives up waiting for it (the lock wait, which is STORE_TIMEOUT).
     */
    @ValidationMethod(message = "LOCK_LEASE (store.redis.lockLease) must be shorter than STORE_TIMEOUT"
            + " (store.groupCommit.timeout), the lock wait: a crashed holder would fail requests instead of delaying them")
    public boolean isLockLeaseShorterThanLockWait() {
        return redis.getLockLease().toJavaDuration().compareTo(groupCommit.getTimeout().toJavaDuration()) < 0;
    }

    public GroupCommitFactory getGroupCommit() {
        return groupCommit;
    }

    public RedisConnectionFactory getRedis() {
        return redis;
    }

    @Override
    public Stores build(Environment environment, Retention retention) {
        RedissonClient client = redis.build();
        // Managed objects stop in reverse order: registered before the batch workers, the client closes after them.
        environment.lifecycle().manage(new RedissonLifecycle(client));
        RedisProbe probe = new RedisProbe(() -> redis.getMode().masters(client),
                redis.getResponseTimeout().toJavaDuration());
        environment.healthChecks().register("redis", new RedisHealthCheck(probe));
        environment.metrics().gauge("boxoffice.store.up", () -> new CachedGauge<Integer>(1, TimeUnit.SECONDS) {
            @Override
            protected Integer loadValue() {
                try {
                    return probe.allAnswer() ? 1 : 0;
                } catch (RedisException e) {
                    return 0;
                }
            }
        });
        // A batch waits for its event's lock as long as a request waits for the store at all (STORE_TIMEOUT):
        // a hot event queues, it does not fail.
        RedisLedgerBackend backend = new RedisLedgerBackend(client, environment.metrics(),
                groupCommit.getTimeout().toJavaDuration(), redis.getLockLease().toJavaDuration(),
                retention, replicatedWrites(client));
        return new Stores(
                groupCommit.build(environment, backend, retention.finishedHolds(), CriticalSectionHook.NONE),
                backend,
                new RedisIdempotencyKeys(client, environment.metrics()),
                new RedisWaitingRooms(client, environment.metrics()),
                new RedisRateLimitBuckets(client, environment.metrics(), groupCommit.getTimeout().toJavaDuration()),
                new RedisWebhooks(client, environment.metrics()));
    }

    @Override
    public boolean sharedByInstances() {
        return true;
    }

    /** A replica that has not acknowledged a commit within a Redis response timeout counts as not answering. */
    private ReplicatedWrites replicatedWrites(RedissonClient client) {
        return new ReplicatedWrites(client, redis.getMinReplicas(), redis.getResponseTimeout().toJavaDuration());
    }

    @Override
    public Duration timeout() {
        return groupCommit.getTimeout().toJavaDuration();
    }

    @Override
    public String describe() {
        String replicas = redis.getMinReplicas() > 0
                ? "; every commit waits for " + redis.getMinReplicas() + " replica(s)" : "";
        return "Redis store: " + redis.describe() + "; shared by every instance, durable as Redis is configured"
                + replicas;
    }
}
