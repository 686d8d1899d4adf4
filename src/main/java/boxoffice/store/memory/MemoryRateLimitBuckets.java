package boxoffice.store.memory;

import boxoffice.refusals.RateLimitAnswer;
import boxoffice.refusals.RateQuota;
import boxoffice.store.RateLimitBuckets;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bucket4j's local buckets, one per key. Past {@link #PRUNE_ABOVE} buckets, the full ones are dropped: a full bucket
 * behaves exactly as a new one, so a flood of one-off callers cannot grow the map for good.
 */
public final class MemoryRateLimitBuckets implements RateLimitBuckets {
    private static final int PRUNE_ABOVE = 100_000;

    private final Map<String, Held> buckets = new ConcurrentHashMap<>();

    private record Held(Bucket bucket, RateQuota quota) {}

    @Override
    public RateLimitAnswer take(String limit, String caller, RateQuota quota) {
        String key = limit + "\n" + caller;
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(held -> held.bucket().getAvailableTokens() >= held.quota().tokens());
        }
        Held held = buckets.compute(key, (k, known) -> known != null && known.quota().equals(quota) ? known
                : new Held(Bucket.builder().addLimit(bandwidth -> bandwidth.capacity(quota.tokens())
                        .refillGreedy(quota.tokens(), quota.window())).build(), quota));
        ConsumptionProbe probe = held.bucket().tryConsumeAndReturnRemaining(1);
        return new RateLimitAnswer(quota, probe.isConsumed(), probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()), Duration.ofNanos(probe.getNanosToWaitForReset()));
    }
}
