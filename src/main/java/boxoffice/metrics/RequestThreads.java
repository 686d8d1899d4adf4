package boxoffice.metrics;

import com.codahale.metrics.MetricRegistry;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The public API's request threads (Jetty's pool behind the application connector; the admin port has its own): how
 * many are taken and how many jobs wait for one. Known once the server has started; idle figures until then.
 *
 * <p>A thread is taken unless it is idle in the pool: busy with a request, or reserved by Jetty for its own next
 * task, which a queued job cannot use either. Jetty's acceptor and selector threads are left out of both sides.
 * Neither Jetty's {@code getUtilizationRate()} (reserved threads count as free) nor Dropwizard's gauges
 * ({@code org.eclipse.jetty.util.thread.QueuedThreadPool.dw.utilization}: acceptors and selectors count as busy,
 * against the pool's current size) reach 1 while requests queue for a thread.
 */
public final class RequestThreads {
    private volatile QueuedThreadPool pool;

    /** A Dropwizard server lifecycle listener: the server's thread pool is the application connector's. */
    public void watch(Server server) {
        if (server.getThreadPool() instanceof QueuedThreadPool queued) {
            pool = queued;
        }
    }

    /** Taken request threads over all request threads the pool may have, 0 to 1. */
    public double utilization() {
        QueuedThreadPool watched = pool;
        return watched == null ? 0 : Math.min(1.0, (double) taken(watched) / watched.getMaxAvailableThreads());
    }

    /** Jobs (requests to parse and run, mostly) waiting for a free thread. */
    public int queued() {
        QueuedThreadPool watched = pool;
        return watched == null ? 0 : watched.getQueueSize();
    }

    public String describe() {
        QueuedThreadPool watched = pool;
        if (watched == null) {
            return "server not started";
        }
        return taken(watched) + " of " + watched.getMaxAvailableThreads() + " request threads taken, "
                + watched.getQueueSize() + " jobs waiting for one";
    }

    /** boxoffice_http_threads_utilization_ratio and boxoffice_http_threads_queued_jobs in Prometheus. */
    public void registerGauges(MetricRegistry registry) {
        registry.gauge("boxoffice.http.threads.utilization_ratio", () -> this::utilization);
        registry.gauge("boxoffice.http.threads.queued_jobs", () -> this::queued);
    }

    private static int taken(QueuedThreadPool pool) {
        return Math.max(0, pool.getThreads() - pool.getIdleThreads() - pool.getLeasedThreads());
    }
}
