package boxoffice.service;

import static boxoffice.testing.fixtures.HoldFixtures.ordering;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.domain.Event;
import boxoffice.domain.Hold;
import boxoffice.domain.SeatRequest;
import boxoffice.store.ledger.LedgerCommand.PlaceHold;
import boxoffice.testing.fixtures.EventFixtures;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.fixtures.TestLedger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The ledger audit on a real store: a periodic pass audits the events changed since the previous pass, every so many
 * passes (and the first) every event. Each test's clock starts months ahead, so other tests' events sharing the
 * store are older than any of its passes and only its own changes are "since the previous pass".
 */
public abstract class LedgerAuditorContract {
    protected static final Duration HOUR = Duration.ofHours(1);

    private static final AtomicInteger TESTS = new AtomicInteger();

    /** Each test's passes a month after the previous test's, whose changes are then older than any of them. */
    protected final MutableClock clock = new MutableClock(Instant.now()
            .plus(Duration.ofDays(30L * TESTS.incrementAndGet())).truncatedTo(ChronoUnit.MILLIS));

    protected abstract TestLedger store();

    protected Event newEvent(int seats) {
        Event event = EventFixtures.event(seats, clock.instant());
        store().ledger().createEvent(event);
        return event;
    }

    protected Hold hold(Event event, int qty) {
        Instant now = clock.instant();
        return store().ledger()
                .execute(new PlaceHold(ordering(event, now, HOUR, new SeatRequest.Quantity(null, qty)), now)).value();
    }

    @Test
    void aPassAuditsOnlyTheEventsChangedSinceThePreviousOne() {
        LedgerAuditor auditor = new LedgerAuditor(store().reads(), store().reads(), clock, 100);
        List<Event> events = Stream.generate(() -> newEvent(10)).limit(3).toList();
        clock.advance(HOUR);
        LedgerAuditor.Report first = auditor.auditPass();
        clock.advance(HOUR);
        hold(events.get(1), 2);
        clock.advance(HOUR);

        LedgerAuditor.Report second = auditor.auditPass();
        clock.advance(HOUR);
        LedgerAuditor.Report third = auditor.auditPass();

        assertThat(first.full()).as("the first pass audits every event").isTrue();
        assertThat(first.eventsChecked()).isGreaterThanOrEqualTo(3);
        assertThat(second.full()).isFalse();
        assertThat(second.eventsChecked()).as("the one event that changed").isEqualTo(1);
        assertThat(third.eventsChecked()).as("nothing changed since").isZero();
        assertThat(third.drifted()).isEmpty();
    }

    @Test
    void aChangeJustBeforeThePreviousPassBeganIsAuditedAgain() {
        LedgerAuditor auditor = new LedgerAuditor(store().reads(), store().reads(), clock, 100);
        Event event = newEvent(10);
        clock.advance(HOUR);
        hold(event, 1);
        clock.advance(Duration.ofSeconds(30)); // a commit dated 30 s before the pass began (in flight, or a slow clock)
        auditor.auditPass();
        clock.advance(HOUR);

        assertThat(auditor.auditPass().eventsChecked()).isEqualTo(1);
    }

    @Test
    void everyNthPassAuditsEveryEvent() {
        LedgerAuditor auditor = new LedgerAuditor(store().reads(), store().reads(), clock, 3);
        newEvent(10);

        List<Boolean> full = Stream.generate(() -> {
            clock.advance(HOUR);
            return auditor.auditPass().full();
        }).limit(7).toList();

        assertThat(full).containsExactly(true, false, false, true, false, false, true);
        assertThat(auditor.auditAll().full()).as("the verify-ledger task").isTrue();
    }
}
