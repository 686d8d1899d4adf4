package boxoffice.lifecycle;

import io.dropwizard.lifecycle.Managed;
import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a job every interval (after the previous run ends) while the server runs. A failing run is logged and the
 * next run tries again: an exception must not silently end the schedule. Start and stop are idempotent.
 */
public final class PeriodicJob implements Managed {
    private static final Logger LOG = LoggerFactory.getLogger(PeriodicJob.class);

    private final String name;
    private final ScheduledExecutorService executor;
    private final Duration interval;
    private final Runnable job;
    private ScheduledFuture<?> schedule;

    public PeriodicJob(String name, ScheduledExecutorService executor, Duration interval, Runnable job) {
        this.name = name;
        this.executor = executor;
        this.interval = interval;
        this.job = job;
    }

    @Override
    public synchronized void start() {
        if (schedule == null) {
            schedule = executor.scheduleWithFixedDelay(
                    this::runOnce, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (schedule != null) {
            schedule.cancel(false);
            schedule = null;
        }
    }

    private void runOnce() {
        try {
            job.run();
        } catch (RuntimeException e) {
            LOG.warn("{} failed: {}", name, e.toString());
        }
    }
}
