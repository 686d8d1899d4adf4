package boxoffice.support;

import java.time.Duration;
import java.util.Optional;

/**
 * The moment by which the request served on this thread must be answered, so that a request that calls the store
 * several times (claim an Idempotency-Key, then hold) still answers within one store timeout in all, not one per
 * call. The API sets it when a request starts and clears it when it ends; store calls wait at most until then.
 * Threads that serve no request (the sweeper, the batch workers) have none and rely on their own timeouts.
 */
public final class RequestDeadline {
    private static final ThreadLocal<Long> DEADLINE_NANOS = new ThreadLocal<>();

    private RequestDeadline() {}

    public static void start(Duration budget) {
        DEADLINE_NANOS.set(System.nanoTime() + budget.toNanos());
    }

    public static void clear() {
        DEADLINE_NANOS.remove();
    }

    /**
     * Runs work as a thread that serves no request would, bounded by its own timeouts, then restores the deadline:
     * for a batch run on its caller's thread, whose commit must be seen through once the command was claimed.
     */
    public static void suspendedFor(Runnable work) {
        Long deadline = DEADLINE_NANOS.get();
        DEADLINE_NANOS.remove();
        try {
            work.run();
        } finally {
            if (deadline != null) {
                DEADLINE_NANOS.set(deadline);
            }
        }
    }

    /** Time left (zero once passed), or empty on a thread that serves no request. */
    public static Optional<Duration> remaining() {
        Long deadline = DEADLINE_NANOS.get();
        return deadline == null ? Optional.empty()
                : Optional.of(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }
}
