package boxoffice.webhooks;

import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** Unhealthy while some webhook's lag is past the threshold (WEBHOOK_LAG_THRESHOLD): its receiver is behind. */
public final class WebhookLagHealthCheck extends HealthCheck {
    private final WebhookMetrics metrics;
    private final Duration threshold;

    public WebhookLagHealthCheck(WebhookMetrics metrics, Duration threshold) {
        this.metrics = metrics;
        this.threshold = threshold;
    }

    @Override
    protected Result check() {
        Map<String, Duration> late = metrics.lags().entrySet().stream()
                .filter(lag -> lag.getValue().compareTo(threshold) > 0)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        if (late.isEmpty()) {
            return Result.healthy(metrics.lags().size() + " webhook(s), none lagging more than " + threshold);
        }
        return Result.unhealthy("webhook(s) lagging more than " + threshold + ": " + late.entrySet().stream()
                .map(lag -> lag.getKey() + " " + lag.getValue().toSeconds() + " s").collect(Collectors.joining(", ")));
    }
}
