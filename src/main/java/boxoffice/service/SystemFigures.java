package boxoffice.service;

import boxoffice.core.StoreTotals;
import boxoffice.store.SeatStore;

/** The system-wide figures behind {@code GET /api/v1/metrics} and the seat gauges. */
public final class SystemFigures {
    private final SeatStore store;

    public SystemFigures(SeatStore store) {
        this.store = store;
    }

    public StoreTotals totals() {
        return store.totals();
    }
}
