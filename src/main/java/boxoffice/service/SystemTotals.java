package boxoffice.service;

import boxoffice.domain.StoreTotals;
import boxoffice.store.AuditReads;

/** The totals over all events behind {@code GET /api/v1/metrics} and the seat gauges. */
public final class SystemTotals {
    private final AuditReads store;

    public SystemTotals(AuditReads store) {
        this.store = store;
    }

    public StoreTotals totals() {
        return store.totals();
    }
}
