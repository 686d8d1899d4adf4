package boxoffice.domain;

import boxoffice.refusals.InvalidFieldException;
import java.time.Duration;

/**
 * An event's waiting room, as an organizer sets it: how many entries it admits a minute, and how long the
 * admission token of an admitted entry lets its holder place holds. Kept apart from the event's definition, which
 * never changes, because an organizer may change these (or turn the waiting room off) at any time.
 */
public record AdmissionSettings(int ratePerMinute, Duration tokenTtl) {
    public static final int MAX_RATE_PER_MINUTE = 1_000_000;
    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofMinutes(10);
    public static final Duration MAX_TOKEN_TTL = Duration.ofDays(1);

    public AdmissionSettings {
        if (ratePerMinute < 1 || ratePerMinute > MAX_RATE_PER_MINUTE) {
            throw new InvalidFieldException("admission.rate_per_minute", "must be between 1 and " + MAX_RATE_PER_MINUTE);
        }
        if (tokenTtl.compareTo(Duration.ofSeconds(1)) < 0 || tokenTtl.compareTo(MAX_TOKEN_TTL) > 0) {
            throw new InvalidFieldException("admission.token_ttl_seconds",
                    "must be between 1 and " + MAX_TOKEN_TTL.toSeconds());
        }
    }
}
