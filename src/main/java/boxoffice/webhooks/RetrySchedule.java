package boxoffice.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failing message is tried next: {@code first}, doubled after each failure up to {@code maxDelay}, each delay
 * drawn between half and all of that (jitter, so that the webhooks of a receiver that comes back do not all return
 * at once), never past the end of the window; a message still failing {@code retryFor} after its first failure is
 * given up on (dead).
 */
public final class RetrySchedule {
    private static final int MAX_DOUBLINGS = 30;

    private final Duration first;
    private final Duration maxDelay;
    private final Duration retryFor;

    public RetrySchedule(Duration first, Duration maxDelay, Duration retryFor) {
        this.first = first;
        this.maxDelay = maxDelay;
        this.retryFor = retryFor;
    }

    /** After failure number {@code failures} of a message first failing at {@code failingSince}: its next try. */
    public Optional<Instant> next(int failures, Instant failingSince, Instant now) {
        Instant giveUpAt = failingSince.plus(retryFor);
        if (!now.isBefore(giveUpAt)) {
            return Optional.empty();
        }
        Duration full = first.multipliedBy(1L << Math.min(failures - 1, MAX_DOUBLINGS));
        if (full.compareTo(maxDelay) > 0) {
            full = maxDelay;
        }
        long half = full.toMillis() / 2;
        Instant next = now.plusMillis(half + ThreadLocalRandom.current().nextLong(full.toMillis() - half + 1));
        return Optional.of(next.isAfter(giveUpAt) ? giveUpAt : next);
    }
}
