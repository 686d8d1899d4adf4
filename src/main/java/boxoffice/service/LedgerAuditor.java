package boxoffice.service;

import boxoffice.domain.ChangedEvent;
import boxoffice.domain.LedgerAudit;
import boxoffice.store.AuditReads;
import boxoffice.store.FeedReads;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recomputes events' counts from their holds and bookings and reports the events whose stored counts disagree
 * (drift). Drift means a bug or a corrupted store, never a client's doing; it is logged at ERROR.
 *
 * <p>A periodic pass ({@link #auditPass}) audits only the events changed since the previous pass began (from the
 * change feed's index, with an overlap for commits in flight and clocks a little behind) and the events still
 * drifted, so its cost follows the work done, not the store's size; every {@code fullPassEvery}-th pass, the first
 * one, and {@link #auditAll} (the verify-ledger task) audit every event, so that drift written behind the ledger's
 * back is found too. The drifted events found stay reported until an audit finds them balanced: the health check and
 * the drift gauge mean the same with either kind of pass.
 */
public final class LedgerAuditor {
    private static final Logger LOG = LoggerFactory.getLogger(LedgerAuditor.class);
    /** Changes dated up to this long before the previous pass began are audited (again). */
    static final Duration OVERLAP = Duration.ofMinutes(1);
    /** More events changed than this since the previous pass: a full pass instead. */
    static final int MAX_CHANGED = 100_000;

    private final AuditReads store;
    private final FeedReads feed;
    private final Clock clock;
    private final int fullPassEvery;
    private final Map<String, LedgerAudit> drifted = new LinkedHashMap<>();
    private Optional<Instant> previousStart = Optional.empty();
    private int passesSinceFull;
    private volatile Optional<Report> lastReport = Optional.empty();

    /** @param fullPassEvery every how many periodic passes all events are audited (1: every pass) */
    public LedgerAuditor(AuditReads store, FeedReads feed, Clock clock, int fullPassEvery) {
        if (fullPassEvery < 1) {
            throw new IllegalArgumentException("fullPassEvery must be at least 1");
        }
        this.store = store;
        this.feed = feed;
        this.clock = clock;
        this.fullPassEvery = fullPassEvery;
    }

    /** What one audit found: the events it checked, and every event known to be drifted afterwards. */
    public record Report(Instant finishedAt, int eventsChecked, List<LedgerAudit> drifted, boolean full) {}

    /** The periodic pass: the events changed since the previous one, or every event when a full pass is due. */
    public synchronized Report auditPass() {
        Instant start = clock.instant();
        if (previousStart.isEmpty() || passesSinceFull + 1 >= fullPassEvery) {
            return auditAll();
        }
        List<ChangedEvent> changed = feed.eventsChangedSince(previousStart.get().minus(OVERLAP), MAX_CHANGED);
        if (changed.size() >= MAX_CHANGED) {
            return auditAll();
        }
        Set<String> events = new LinkedHashSet<>();
        changed.forEach(event -> events.add(event.eventId()));
        events.addAll(drifted.keySet()); // re-checked until found balanced
        int checked = 0;
        for (String eventId : events) {
            checked += audit(eventId) ? 1 : 0;
        }
        passesSinceFull++;
        previousStart = Optional.of(start);
        return report(checked, false);
    }

    /** Every event, as the verify-ledger task asks. */
    public synchronized Report auditAll() {
        Instant start = clock.instant();
        drifted.clear();
        int checked = 0;
        for (String eventId : store.eventIds()) {
            checked += audit(eventId) ? 1 : 0;
        }
        passesSinceFull = 0;
        previousStart = Optional.of(start);
        return report(checked, true);
    }

    public Optional<Report> lastReport() {
        return lastReport;
    }

    /** Audits one event and records whether it drifted; false when there is no such event. */
    private boolean audit(String eventId) {
        Optional<LedgerAudit> audit = store.audit(eventId);
        if (audit.isPresent() && !audit.get().balanced()) {
            drifted.put(eventId, audit.get());
            LOG.error("Ledger drift {}", audit.get());
        } else {
            drifted.remove(eventId);
        }
        return audit.isPresent();
    }

    private Report report(int checked, boolean full) {
        Report report = new Report(clock.instant(), checked, List.copyOf(drifted.values()), full);
        lastReport = Optional.of(report);
        return report;
    }
}
