package boxoffice.store.redis;

import boxoffice.core.StoreUnavailableException;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.util.function.Supplier;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call to Redis goes through here: it is timed ({@code boxoffice.store.roundtrip}) and any Redis failure
 * (timeout, refused connection, client shut down, error reply) becomes a {@link StoreUnavailableException}, which the
 * API answers with 503 and Retry-After.
 */
final class RoundTrips {
    static final String TIMER = "boxoffice.store.roundtrip_seconds";
    private static final Logger LOG = LoggerFactory.getLogger(RoundTrips.class);

    private final Timer timer;

    RoundTrips(MetricRegistry registry) {
        this.timer = registry.timer(TIMER);
    }

    <T> T call(String operation, Supplier<T> call) {
        try (Timer.Context ignored = timer.time()) {
            return call.get();
        } catch (RedisException e) {
            throw unavailable(operation, e);
        }
    }

    void run(String operation, Runnable call) {
        call(operation, () -> {
            call.run();
            return null;
        });
    }

    static StoreUnavailableException unavailable(String operation, RedisException cause) {
        LOG.warn("Redis call {} failed: {}", operation, cause.toString());
        LOG.debug("Redis call {} failed", operation, cause);
        return new StoreUnavailableException("redis " + operation + " failed");
    }
}
