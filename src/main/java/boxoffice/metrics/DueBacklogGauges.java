package boxoffice.metrics;

import boxoffice.domain.DueBacklog;
import boxoffice.service.ExpiryService;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.MetricRegistry;
import java.time.Clock;

/**
 * The due backlog: holds due and not yet released, and how long the oldest has waited. Expiry that keeps up keeps
 * both near zero; growing, they say the sale makes holds faster than they are released. Read from the store at most
 * once per scrape window, and the same on every instance (the store's figure), so take {@code max}.
 */
public final class DueBacklogGauges {
    private DueBacklogGauges() {}

    public static void register(MetricRegistry registry, ExpiryService expiry, Clock clock) {
        Gauge<DueBacklog> backlog = new CachedStoreRead<>(DueBacklog.NONE, expiry::backlog);
        registry.gauge("boxoffice.expiry.due_holds", () -> () -> backlog.getValue().holds());
        registry.gauge("boxoffice.expiry.oldest_due_seconds",
                () -> () -> backlog.getValue().oldestAge(clock.instant()).toMillis() / 1000.0);
    }
}
