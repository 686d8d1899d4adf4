package boxoffice.lifecycle;

import boxoffice.service.ExpiryService;
import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Releases due holds every interval, started and stopped with the server: pass after pass while a backlog is left
 * (each pass a bounded slice per event), so it drains as fast as the store allows, not a slice an interval.
 * A failed pass (the store is down) is counted, and the next run tries again; the health check and the lag gauge
 * show when passes stop succeeding.
 */
public final class ExpirySweeper implements Managed {
    private final ExpiryService expiry;
    private final Duration interval;
    private final Clock clock;
    private final Counter released;
    private final Counter failures;
    private final PeriodicJob schedule;
    private volatile Instant lastSuccess;
    private volatile boolean running;

    public ExpirySweeper(
            ExpiryService expiry, ScheduledExecutorService executor, Duration interval, Clock clock,
            MetricRegistry metrics) {
        this.expiry = expiry;
        this.interval = interval;
        this.clock = clock;
        this.released = metrics.counter("boxoffice.sweeper.released");
        this.failures = metrics.counter("boxoffice.sweeper.failures");
        this.schedule = new PeriodicJob("expiry sweep", executor, interval, this::sweep);
        this.lastSuccess = clock.instant();
        metrics.gauge("boxoffice.sweeper.lag_seconds", () -> () -> lag().toMillis() / 1000.0);
    }

    @Override
    public void start() {
        running = true;
        schedule.start();
    }

    @Override
    public void stop() {
        running = false;
        schedule.stop();
    }

    public Duration interval() {
        return interval;
    }

    /** How long since a pass last succeeded. */
    public Duration lag() {
        return Duration.between(lastSuccess, clock.instant());
    }

    private void sweep() {
        try {
            released.inc(expiry.releaseBacklog(() -> running));
            lastSuccess = clock.instant();
        } catch (RuntimeException e) {
            failures.inc();
            throw e;
        }
    }
}
