package boxoffice.webhooks;

import com.codahale.metrics.Counter;
import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per webhook, named {@code boxoffice.webhooks.<webhook id>.<figure>}: messages delivered, tries that failed, tries
 * that were retries, messages given up on (counted on the instance that sent them), and the lag (seconds since the
 * oldest change the webhook may not have had; every instance computes it from the store). A deleted webhook's
 * metrics are removed.
 */
public final class WebhookMetrics {
    private static final String PREFIX = "boxoffice.webhooks.";
    private static final String[] COUNTERS = {"delivered", "failed", "retries", "dead"};

    private final MetricRegistry registry;
    private final Map<String, Duration> lags = new ConcurrentHashMap<>();

    public WebhookMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    Counter delivered(String webhookId) {
        return registry.counter(name(webhookId, "delivered"));
    }

    Counter failed(String webhookId) {
        return registry.counter(name(webhookId, "failed"));
    }

    Counter retries(String webhookId) {
        return registry.counter(name(webhookId, "retries"));
    }

    Counter dead(String webhookId) {
        return registry.counter(name(webhookId, "dead"));
    }

    void lag(String webhookId, Duration lag) {
        if (lags.put(webhookId, lag) == null) {
            registry.gauge(name(webhookId, "lag_seconds"),
                    () -> () -> lags.getOrDefault(webhookId, Duration.ZERO).toMillis() / 1000.0);
        }
    }

    /** Each webhook's lag as last computed. */
    public Map<String, Duration> lags() {
        return Map.copyOf(lags);
    }

    /** Drops the metrics of webhooks that are gone. */
    void retain(Set<String> webhookIds) {
        for (String gone : lags.keySet().stream().filter(id -> !webhookIds.contains(id)).toList()) {
            lags.remove(gone);
            registry.remove(name(gone, "lag_seconds"));
            for (String counter : COUNTERS) {
                registry.remove(name(gone, counter));
            }
        }
    }

    private static String name(String webhookId, String figure) {
        return PREFIX + webhookId + "." + figure;
    }
}
