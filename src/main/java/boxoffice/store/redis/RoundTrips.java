package boxoffice.store.redis;

import boxoffice.refusals.StoreUnavailableException;
import boxoffice.support.RequestDeadline;
import com.codahale.metrics.MetricRegistry;
import com.codahale.metrics.Timer;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.redisson.client.RedisException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every call to Redis goes through here: it is timed ({@code boxoffice.store.roundtrip}), it waits no longer than the
 * request's deadline ({@link RequestDeadline}; Redisson's own timeouts bound it on other threads), and any Redis
 * failure (timeout, refused connection, client shut down, error reply) becomes a {@link StoreUnavailableException},
 * which the API answers with 503 and Retry-After.
 */
final class RoundTrips {
    static final String TIMER = "boxoffice.store.roundtrip_seconds";
    private static final Logger LOG = LoggerFactory.getLogger(RoundTrips.class);

    private final Timer timer;

    RoundTrips(MetricRegistry registry) {
        this.timer = registry.timer(TIMER);
    }

    /**
     * Runs a call that writes: if it fails after it may have been sent (no answer in time), the caller hears that its
     * outcome is unknown, so that a retry looks for what it may have made rather than making it again.
     */
    <T> T write(String operation, Supplier<? extends CompletionStage<T>> call) {
        try {
            return call(operation, call);
        } catch (StoreUnavailableException unavailable) {
            throw StoreUnavailableException.outcomeUnknown("redis " + operation + " failed");
        }
    }

    /** Runs an asynchronous Redisson call and waits for its answer. */
    <T> T call(String operation, Supplier<? extends CompletionStage<T>> call) {
        try (Timer.Context ignored = timer.time()) {
            var answer = call.get().toCompletableFuture();
            Duration left = RequestDeadline.remaining().orElse(null);
            return left == null ? answer.join() : answer.get(left.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            LOG.warn("Redis call {} had no answer within the request's deadline", operation);
            throw new StoreUnavailableException("redis " + operation + " did not answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailableException("interrupted");
        } catch (CompletionException | ExecutionException e) {
            throw failure(operation, e.getCause());
        } catch (RedisException e) {
            throw unavailable(operation, e);
        }
    }

    private static RuntimeException failure(String operation, Throwable cause) {
        if (cause instanceof RedisException redis) {
            return unavailable(operation, redis);
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    static StoreUnavailableException unavailable(String operation, RedisException cause) {
        LOG.warn("Redis call {} failed: {}", operation, cause.toString());
        LOG.debug("Redis call {} failed", operation, cause);
        return new StoreUnavailableException("redis " + operation + " failed");
    }
}
