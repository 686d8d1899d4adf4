package boxoffice.refusals;

import java.time.Duration;

/**
 * What a token bucket said to one request: whether it got a token, how many are left, how long until the next one
 * (the retry delay of a refused request) and until the bucket is full again.
 */
public record RateLimitAnswer(RateQuota quota, boolean granted, long remaining, Duration untilNext, Duration untilFull) {}
