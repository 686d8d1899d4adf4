package boxoffice.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Holds that are due and not yet released (their seats already count as available to readers): how many, and when
 * the oldest of them fell due ({@code null} when there are none). Expiry that keeps up keeps both small.
 */
public record DueBacklog(long holds, Instant oldestDueAt) {
    public static final DueBacklog NONE = new DueBacklog(0, null);

    /** How long the oldest due hold has waited for its release at {@code now} (zero when none waits). */
    public Duration oldestAge(Instant now) {
        return oldestDueAt == null || oldestDueAt.isAfter(now) ? Duration.ZERO : Duration.between(oldestDueAt, now);
    }

    public DueBacklog plus(DueBacklog other) {
        Instant oldest = oldestDueAt == null ? other.oldestDueAt
                : other.oldestDueAt == null || oldestDueAt.isBefore(other.oldestDueAt) ? oldestDueAt : other.oldestDueAt;
        return new DueBacklog(holds + other.holds, oldest);
    }
}
