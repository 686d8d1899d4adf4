package boxoffice.store;

import boxoffice.refusals.RateLimitAnswer;
import boxoffice.refusals.RateQuota;

/**
 * Token buckets by name, shared by every instance that shares the store, so a caller's quota is the same whichever
 * instance answers. A bucket is made full on first use and may be forgotten once it is full again (it then behaves
 * exactly as a new one).
 */
public interface RateLimitBuckets {

    /**
     * Takes one token from {@code caller}'s bucket of limit {@code limit} (shaped by {@code quota}), atomically: of concurrent takes on any
     * instances, no more succeed than the bucket holds. The answer says whether it got one and what is left.
     * Throws {@link boxoffice.refusals.StoreUnavailableException} when the store does not answer in time.
     */
    RateLimitAnswer take(String limit, String caller, RateQuota quota);
}
