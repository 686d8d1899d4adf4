package boxoffice.store.redis;

import boxoffice.refusals.RateLimitAnswer;
import boxoffice.refusals.RateQuota;
import boxoffice.store.RateLimitBuckets;
import com.codahale.metrics.MetricRegistry;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.redisson.Bucket4jRedisson;
import java.time.Duration;
import org.redisson.Redisson;
import org.redisson.api.RedissonClient;

/**
 * Token buckets in Redis through Bucket4j's Redisson integration (compare-and-swap on one key per bucket,
 * {@code bo:r:<limit>:<hash of the caller>}), over the service's own Redis client: every instance takes from the
 * same bucket. A bucket's key expires once the bucket would be full again. Each take is a {@link RoundTrips} call:
 * timed, bounded by the request's deadline, and a 503 when Redis does not answer.
 */
public final class RedisRateLimitBuckets implements RateLimitBuckets {
    /** How long a full bucket's key lingers before it expires (a new bucket is full too, so nothing is lost). */
    private static final Duration KEEP_FULL = Duration.ofSeconds(1);

    private final AsyncProxyManager<String> buckets;
    private final RoundTrips roundTrips;

    public RedisRateLimitBuckets(RedissonClient redisson, MetricRegistry registry, Duration timeout) {
        this.buckets = Bucket4jRedisson.casBasedBuilder(((Redisson) redisson).getCommandExecutor())
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(KEEP_FULL))
                .requestTimeout(timeout)
                .build()
                .asAsync();
        this.roundTrips = new RoundTrips(registry);
    }

    @Override
    public RateLimitAnswer take(String limit, String caller, RateQuota quota) {
        String redisKey = RedisKeys.rateLimitBucket(limit, caller);
        BucketConfiguration configuration = BucketConfiguration.builder()
                .addLimit(bandwidth -> bandwidth.capacity(quota.tokens()).refillGreedy(quota.tokens(), quota.window()))
                .build();
        ConsumptionProbe probe = roundTrips.call("ratelimit.take", () -> buckets.builder()
                .build(redisKey, configuration)
                .tryConsumeAndReturnRemaining(1));
        return new RateLimitAnswer(quota, probe.isConsumed(), probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()), Duration.ofNanos(probe.getNanosToWaitForReset()));
    }
}
