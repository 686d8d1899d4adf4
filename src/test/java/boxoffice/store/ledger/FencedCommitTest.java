package boxoffice.store.ledger;

import static boxoffice.testing.fixtures.HoldFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.domain.Hold;
import boxoffice.domain.Outcome;
import boxoffice.domain.SeatCounts;
import boxoffice.refusals.InsufficientSeatsException;
import boxoffice.refusals.StoreUnavailableException;
import boxoffice.store.ledger.LedgerCommand.PlaceHold;
import boxoffice.store.memory.MemoryLedgerBackend;
import boxoffice.testing.fixtures.EventFixtures;
import boxoffice.testing.fixtures.FirstBatchStall;
import boxoffice.testing.fixtures.HoldFixtures;
import boxoffice.testing.fixtures.TestLedger;
import boxoffice.testing.fixtures.TestStores;
import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A lock is not enough: a holder may lose it (lease run out in a GC pause, failover) and write anyway. These tests
 * take the lock away entirely and stall one writer inside its critical section while another writes; the fenced
 * commit must refuse the stale write, so seats are never sold twice.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FencedCommitTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    private final MetricRegistry registry = new MetricRegistry();

    private Hold newHold(Event event, int qty) {
        return HoldFixtures.active(event, qty, now, Duration.ofSeconds(120));
    }

    private long fencingRejections() {
        return registry.counter("boxoffice.store.fencing.rejections").getCount();
    }

    @Test
    void aWriterThatStalledWithoutItsLockCannotOversell() throws Exception {
        LockLosingBackend backend = new LockLosingBackend(new MemoryLedgerBackend(TIMEOUT, TestStores.RETENTIONS));
        Event event = backend.insertEvent(EventFixtures.event(1, now));
        FirstBatchStall stallFirstWriter = new FirstBatchStall();
        TestLedger store = TestLedger.over(backend).metrics(registry).timeout(TIMEOUT).hook(stallFirstWriter).build();
        Hold stalled = newHold(event, 1);
        Hold other = newHold(event, 1);

        CompletableFuture<Outcome<Hold>> stalledWrite = CompletableFuture.supplyAsync(() -> store.ledger()
                .execute(new PlaceHold(order(stalled), now)));
        assertThat(stallFirstWriter.awaitInside()).isTrue();
        Outcome<Hold> otherWrite = store.ledger()
                .execute(new PlaceHold(order(other), now)); // the lock is "lost": this writer gets in too
        stallFirstWriter.release();

        assertThat(otherWrite.changed()).isTrue();
        assertThatThrownBy(() -> stalledWrite.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(InsufficientSeatsException.class);
        assertThat(fencingRejections()).isEqualTo(1);
        assertThat(backend.findHold(stalled.id())).isEmpty();
        assertThat(backend.findHold(other.id())).isPresent();
        assertThat(backend.counts(event.id(), now).map(EventCounts::total)).contains(new SeatCounts(1, 0, 1, 0));
    }

    @Test
    void aBatchThatIsFencedOffEveryTimeFailsAsUnavailableAndWritesNothing() {
        MemoryLedgerBackend memory = new MemoryLedgerBackend(TIMEOUT, TestStores.RETENTIONS);
        LedgerBackend alwaysFenced = new LockLosingBackend(memory) {
            @Override
            public boolean commit(String eventId, long expectedVersion, LedgerChanges changes) {
                return false;
            }
        };
        Event event = memory.insertEvent(EventFixtures.event(5, now));
        TestLedger store = TestLedger.over(alwaysFenced).metrics(registry).timeout(TIMEOUT).build();
        Hold hold = newHold(event, 2);

        assertThatThrownBy(() -> store.ledger().execute(new PlaceHold(order(hold), now)))
                .isInstanceOf(StoreUnavailableException.class);

        assertThat(fencingRejections()).isEqualTo(5);
        assertThat(memory.findHold(hold.id())).isEmpty();
        assertThat(memory.counts(event.id(), now).map(EventCounts::total)).contains(SeatCounts.fresh(5));
        assertThat(registry.counter("boxoffice.holds.created").getCount()).isZero();
    }

    /** A backend whose lock protects nothing, as if every holder had lost it; storage and fencing are real. */
    private static class LockLosingBackend extends ForwardingLedgerBackend {
        LockLosingBackend(LedgerBackend delegate) {
            super(delegate);
        }

        @Override
        public EventLocks locks() {
            return eventId -> () -> {};
        }
    }
}
