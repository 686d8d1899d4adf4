package boxoffice.ratelimit;

import boxoffice.refusals.RateLimitAnswer;
import boxoffice.refusals.RateLimitExceededException;
import boxoffice.refusals.RateQuota;
import boxoffice.store.RateLimitBuckets;
import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Takes a token from a caller's bucket for one write: the configured limits ({@link RateLimit}) over the store's
 * buckets, shared by every instance on the Redis store. Refusals are counted per limit
 * ({@code boxoffice_ratelimit_<limit>_rejected_total}).
 */
public final class RateLimiter {
    private final RateLimitBuckets buckets;
    private final Map<RateLimit, RateQuota> quotas = new EnumMap<>(RateLimit.class);
    private final Map<RateLimit, Counter> rejected = new EnumMap<>(RateLimit.class);

    /** @param perSecond each configured limit's writes per second; a limit missing (or null) is off */
    public RateLimiter(RateLimitBuckets buckets, Map<RateLimit, Integer> perSecond, MetricRegistry metrics) {
        this.buckets = buckets;
        for (RateLimit limit : RateLimit.values()) {
            Integer configured = perSecond.get(limit);
            if (configured != null) {
                quotas.put(limit, limit.quota(configured));
            }
            rejected.put(limit, metrics.counter("boxoffice.ratelimit." + limit.id() + ".rejected"));
        }
    }

    public boolean isOn(RateLimit limit) {
        return quotas.containsKey(limit);
    }

    /**
     * One write by {@code caller} under {@code limit}: the bucket's answer when the limit is on (empty when off), or
     * {@link RateLimitExceededException} with its retry delay when the bucket is empty.
     */
    public Optional<RateLimitAnswer> take(RateLimit limit, String caller) {
        RateQuota quota = quotas.get(limit);
        if (quota == null) {
            return Optional.empty();
        }
        RateLimitAnswer answer = buckets.take(limit.id(), caller, quota);
        if (!answer.granted()) {
            rejected.get(limit).inc();
            throw new RateLimitExceededException(answer);
        }
        return Optional.of(answer);
    }
}
