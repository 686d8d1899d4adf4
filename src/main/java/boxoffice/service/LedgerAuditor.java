package boxoffice.service;

import boxoffice.core.LedgerAudit;
import boxoffice.store.SeatStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes every event's counts from its holds and bookings and reports the events whose stored counts disagree
 * (drift). Drift means a bug or a corrupted store, never a client's doing; it is logged at ERROR. The last report is
 * kept for the health check and the drift gauge.
 */
public final class LedgerAuditor {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerAuditor.class);

    private final SeatStore store;
    private final Clock clock;
    private volatile Optional<Report> lastReport = Optional.empty();

    public LedgerAuditor(SeatStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** What one audit found. */
    public record Report(Instant finishedAt, int eventsChecked, List<LedgerAudit> drifted) {}

    public Report auditAll() {
        int checked = 0;
        List<LedgerAudit> drifted = new ArrayList<>();
        for (String eventId : store.eventIds()) {
            Optional<LedgerAudit> audit = store.audit(eventId);
            if (audit.isPresent()) {
                checked++;
                if (!audit.get().balanced()) {
                    drifted.add(audit.get());
                    LOG.error("Ledger drift {}", audit.get());
                }
            }
        }
        Report report = new Report(clock.instant(), checked, List.copyOf(drifted));
        lastReport = Optional.of(report);
        return report;
    }

    public Optional<Report> lastReport() {
        return lastReport;
    }
}
