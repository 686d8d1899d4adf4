package boxoffice.tasks;

import boxoffice.domain.LedgerAudit;
import boxoffice.service.LedgerAuditor;
import io.dropwizard.servlets.tasks.Task;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /tasks/verify-ledger}: recompute every event's counts now and list the events that drifted. Drift is
 * what the audit found, not a failure to audit: the answer is 200 with the report (the {@code ledger} health check
 * and its alert turn red); a store that cannot be read answers 503.
 */
public final class VerifyLedgerTask extends Task {
    private final LedgerAuditor auditor;

    public VerifyLedgerTask(LedgerAuditor auditor) {
        super("verify-ledger");
        this.auditor = auditor;
    }

    @Override
    public void execute(Map<String, List<String>> parameters, PrintWriter output) {
        LedgerAuditor.Report report = auditor.auditAll();
        output.println("checked " + report.eventsChecked() + " events, " + report.drifted().size() + " drifted");
        for (LedgerAudit audit : report.drifted()) {
            output.println("drift " + audit);
        }
    }
}
