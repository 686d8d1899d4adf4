package boxoffice.health;

import boxoffice.metrics.RequestThreads;
import com.codahale.metrics.health.HealthCheck;

/**
 * Red while the public API's request threads are nearly all taken, or a backlog of jobs waits for one: new requests
 * wait, whether the cause is load, a slow store or clients that send their bodies slowly. It reports saturation and
 * takes the instance out of a readiness rotation while it lasts; it must never decide liveness (that is
 * {@code /ping}): saturation passes by itself, and a restart would only drop the requests in flight.
 */
public final class RequestThreadsHealthCheck extends HealthCheck {
    static final double MAX_UTILIZATION = 0.9;
    /** Threads take queued jobs within microseconds while any is idle; a backlog this long means none is. */
    static final int MAX_QUEUED = 100;

    private final RequestThreads threads;

    public RequestThreadsHealthCheck(RequestThreads threads) {
        this.threads = threads;
    }

    @Override
    protected Result check() {
        String message = threads.describe();
        boolean saturated = threads.utilization() >= MAX_UTILIZATION || threads.queued() >= MAX_QUEUED;
        return saturated ? Result.unhealthy("saturated: " + message) : Result.healthy(message);
    }
}
