package boxoffice.health;

import boxoffice.service.LedgerAuditor;
import com.codahale.metrics.health.HealthCheck;

/** Red when the last ledger audit found an event whose counts disagree with its holds and bookings. */
public final class LedgerHealthCheck extends HealthCheck {
    private final LedgerAuditor auditor;

    public LedgerHealthCheck(LedgerAuditor auditor) {
        this.auditor = auditor;
    }

    @Override
    protected Result check() {
        return auditor.lastReport()
                .map(report -> report.drifted().isEmpty()
                        ? Result.healthy("no drift in " + report.eventsChecked() + (report.full() ? " events" : " events changed")
                                + " at " + report.finishedAt())
                        : Result.unhealthy(report.drifted().size() + " events drifted (see verify-ledger) at "
                                + report.finishedAt()))
                .orElseGet(() -> Result.healthy("no audit has run yet"));
    }
}
