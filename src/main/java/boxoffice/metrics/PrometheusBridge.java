package boxoffice.metrics;

import io.dropwizard.core.setup.Environment;
import io.prometheus.metrics.exporter.servlet.jakarta.PrometheusMetricsServlet;
import io.prometheus.metrics.instrumentation.dropwizard.DropwizardExports;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/**
 * Serves every metric as Prometheus text on the admin port at {@code /prometheus}: the Dropwizard registry (JVM,
 * Jetty, domain, store) through the bridge, plus the native HTTP request metrics.
 */
public final class PrometheusBridge {
    private PrometheusBridge() {}

    /** Installs the endpoint and returns the HTTP metrics to feed. */
    public static HttpMetrics install(Environment environment) {
        PrometheusRegistry registry = new PrometheusRegistry();
        DropwizardExports.builder().dropwizardRegistry(environment.metrics()).register(registry);
        environment.admin().addServlet("prometheus", new PrometheusMetricsServlet(registry)).addMapping("/prometheus");
        return new HttpMetrics(registry);
    }
}
