package boxoffice.service;

import static boxoffice.testing.fixtures.HoldFixtures.ordering;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.domain.Event;
import boxoffice.domain.SeatRequest;
import boxoffice.store.ledger.LedgerCommand.PlaceHold;
import boxoffice.store.memory.MemoryLedgerBackend;
import boxoffice.testing.fixtures.EventFixtures;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.fixtures.TestLedger;
import boxoffice.testing.fixtures.TestStores;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A release is a bounded slice of an event's due holds; the sweeper's run passes again while holds that were due
 * when a pass began are left, so a backlog of many slices drains in one run, not a slice per interval.
 */
class ExpiryServiceTest {
    private static final int BACKLOG = 1_500;
    private static final Duration TTL = Duration.ofMinutes(1);

    private final MutableClock clock = MutableClock.startingNow();
    private final TestLedger store = TestLedger.over(new MemoryLedgerBackend(Duration.ofSeconds(5),
            TestStores.RETENTIONS)).build();
    private final ExpiryService expiry = new ExpiryService(store.ledger(), store.reads(), clock, 500);

    @Test
    void aPassReleasesASliceAndARunTheWholeBacklog() {
        Event event = store.ledger().createEvent(EventFixtures.event(BACKLOG + 10, clock.instant()));
        placeHolds(event, BACKLOG);
        clock.advance(TTL.plusSeconds(1));
        Event other = store.ledger().createEvent(EventFixtures.event(10, clock.instant()));
        placeHolds(other, 3); // not due: a run leaves them be

        int slice = expiry.releaseDueHolds();
        assertThat(slice).isPositive().isLessThan(BACKLOG);
        assertThat(expiry.backlog().holds()).isEqualTo(BACKLOG - slice);

        assertThat(expiry.releaseBacklog(() -> true)).isEqualTo(BACKLOG - slice);
        assertThat(expiry.backlog().holds()).isZero();
        assertThat(store.reads().totals().activeHolds()).isEqualTo(3);
    }

    @Test
    void aRunStopsWhenAskedEvenWithABacklogLeft() {
        Event event = store.ledger().createEvent(EventFixtures.event(BACKLOG, clock.instant()));
        placeHolds(event, BACKLOG);
        clock.advance(TTL.plusSeconds(1));

        int released = expiry.releaseBacklog(() -> false);
        assertThat(released).isPositive().isLessThan(BACKLOG);
        assertThat(expiry.backlog().holds()).isEqualTo(BACKLOG - released);
        assertThat(expiry.backlog().oldestDueAt()).isBefore(clock.instant());
    }

    private void placeHolds(Event event, int count) {
        Instant at = clock.instant();
        SeatRequest one = new SeatRequest.Quantity(event.sections().get(0).id(), 1);
        for (int i = 0; i < count; i++) {
            assertThat(store.ledger().execute(new PlaceHold(ordering(event, at, TTL, one), at)).changed()).isTrue();
        }
    }
}
