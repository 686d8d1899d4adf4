package boxoffice.service;

import boxoffice.core.InvalidFieldException;
import java.time.Duration;
import java.util.Optional;

/** The rules for a new hold's size and lifetime. */
public record HoldPolicy(Duration defaultTtl, Duration minTtl, Duration maxTtl, int maxQuantity) {

    public void checkQuantity(int qty) {
        if (qty < 1 || qty > maxQuantity) {
            throw new InvalidFieldException("qty", "must be between 1 and " + maxQuantity);
        }
    }

    /** The default TTL, or the client's {@code ttl_seconds} clamped into [minTtl, maxTtl]. */
    public Duration ttl(Optional<Integer> requestedSeconds) {
        if (requestedSeconds.isEmpty()) {
            return defaultTtl;
        }
        int seconds = requestedSeconds.get();
        if (seconds < 1) {
            throw new InvalidFieldException("ttl_seconds", "must be a positive number of seconds");
        }
        Duration requested = Duration.ofSeconds(seconds);
        if (requested.compareTo(minTtl) < 0) {
            return minTtl;
        }
        return requested.compareTo(maxTtl) > 0 ? maxTtl : requested;
    }
}
