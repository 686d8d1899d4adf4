package boxoffice.warmup;

import boxoffice.core.RateLimitAnswer;
import boxoffice.core.RateQuota;
import boxoffice.store.RateLimitBuckets;
import java.time.Duration;

/**
 * The shared token buckets; the warm-up's own requests always get a token and take none from anybody's bucket (its
 * loopback address would otherwise be limited like one client, and its writes would reach the shared store).
 */
final class RoutedRateLimitBuckets implements RateLimitBuckets {
    private final RateLimitBuckets shared;
    private final ScratchStores scratch;

    RoutedRateLimitBuckets(RateLimitBuckets shared, ScratchStores scratch) {
        this.shared = shared;
        this.scratch = scratch;
    }

    @Override
    public RateLimitAnswer take(String limit, String caller, RateQuota quota) {
        if (scratch.active()) {
            return new RateLimitAnswer(quota, true, quota.tokens(), Duration.ZERO, Duration.ZERO);
        }
        return shared.take(limit, caller, quota);
    }
}
