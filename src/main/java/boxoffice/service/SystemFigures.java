package boxoffice.service;

import boxoffice.domain.StoreTotals;
import boxoffice.store.AuditReads;

/** The system-wide figures behind {@code GET /api/v1/metrics} and the seat gauges. */
public final class SystemFigures {
    private final AuditReads store;

    public SystemFigures(AuditReads store) {
        this.store = store;
    }

    public StoreTotals totals() {
        return store.totals();
    }
}
