package boxoffice.refusals;

import java.time.Duration;

/**
 * A token bucket: it holds at most {@code tokens} and refills at {@code tokens} per {@code window}, so a caller may
 * send {@code tokens} requests at once and then {@code tokens} per window. {@code name} is the policy's name in the
 * IETF RateLimit headers.
 */
public record RateQuota(String name, long tokens, Duration window) {
    public RateQuota {
        if (tokens < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("a quota needs at least one token and a positive window");
        }
    }
}
