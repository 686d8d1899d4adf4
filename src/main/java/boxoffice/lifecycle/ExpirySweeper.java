package boxoffice.lifecycle;

import boxoffice.service.ExpiryService;
import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import io.dropwizard.lifecycle.Managed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Releases due holds every interval, started and stopped with the server. A failed pass (the store is down) is
 * counted and logged, and the next pass tries again; the health check and the lag gauge show when passes stop
 * succeeding.
 */
public final class ExpirySweeper implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(ExpirySweeper.class);

    private final ExpiryService expiry;
    private final ScheduledExecutorService executor;
    private final Duration interval;
    private final Clock clock;
    private final Counter released;
    private final Counter failures;
    private volatile Instant lastSuccess;
    private ScheduledFuture<?> schedule;

    public ExpirySweeper(
            ExpiryService expiry, ScheduledExecutorService executor, Duration interval, Clock clock,
            MetricRegistry metrics) {
        this.expiry = expiry;
        this.executor = executor;
        this.interval = interval;
        this.clock = clock;
        this.released = metrics.counter("boxoffice.sweeper.released");
        this.failures = metrics.counter("boxoffice.sweeper.failures");
        this.lastSuccess = clock.instant();
        metrics.gauge("boxoffice.sweeper.lag_seconds", () -> () -> lag().toMillis() / 1000.0);
    }

    @Override
    public synchronized void start() {
        if (schedule == null) {
            schedule = executor.scheduleWithFixedDelay(
                    this::sweepOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    public Duration interval() {
        return interval;
    }

    /** How long since a pass last succeeded. */
    public Duration lag() {
        return Duration.between(lastSuccess, clock.instant());
    }

    private void sweepOnce() {
        try {
            int count = expiry.releaseDueHolds();
            released.inc(count);
            lastSuccess = clock.instant();
            if (count > 0) {
                LOG.debug("Sweeper released {} holds", count);
            }
        } catch (RuntimeException e) {
            failures.inc();
            LOG.warn("Expiry sweep failed: {}", e.getMessage());
        }
    }
}
