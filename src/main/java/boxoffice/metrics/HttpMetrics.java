package boxoffice.metrics;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Request figures per route template (never per raw path, so ids do not explode the label space). These are native
 * Prometheus metrics because they need labels and a real histogram, which Dropwizard metrics do not have.
 */
public final class HttpMetrics {
    private final Counter requests;
    private final Histogram duration;

    public HttpMetrics(PrometheusRegistry registry) {
        this.requests = Counter.builder()
                .name("http_requests_total")
                .help("HTTP requests by method, route template and status")
                .labelNames("method", "path", "status")
                .register(registry);
        this.duration = Histogram.builder()
                .name("http_request_duration_seconds")
                .help("HTTP request duration by method and route template")
                .labelNames("method", "path")
                .classicOnly()
                .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5)
                .register(registry);
    }

    public void record(String method, String path, int status, double seconds) {
        requests.labelValues(method, path, Integer.toString(status)).inc();
        duration.labelValues(method, path).observe(seconds);
    }
}
