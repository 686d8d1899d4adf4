package boxoffice.store;

import boxoffice.domain.LedgerAudit;
import boxoffice.domain.StoreTotals;
import java.util.Optional;

/** The store as a whole, for the ledger audit and the metrics: every event, each one's audit, the totals. */
public interface AuditReads {

    /** Figures summed over all events, for the metrics endpoint. */
    StoreTotals totals();

    /** Every event's id, read lazily (a store may hold millions). */
    Iterable<String> eventIds();

    /** The event's stored counts beside the counts its holds and bookings add up to; empty for an unknown event. */
    Optional<LedgerAudit> audit(String eventId);
}
