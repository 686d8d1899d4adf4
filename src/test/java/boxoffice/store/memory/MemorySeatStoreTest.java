package boxoffice.store.memory;

import boxoffice.domain.Booking;
import boxoffice.domain.Event;
import boxoffice.domain.Hold;
import boxoffice.service.LedgerAuditorContract;
import boxoffice.store.FeedContract;
import boxoffice.store.IdempotencyKeys;
import boxoffice.store.LifecycleContract;
import boxoffice.store.SeatStoreContractTest;
import boxoffice.store.SeatingContract;
import boxoffice.store.WaitlistContract;
import boxoffice.store.ledger.LedgerCommand.Book;
import boxoffice.store.ledger.LedgerCommand.PlaceHold;
import boxoffice.store.ledger.LedgerCommand.Release;
import boxoffice.testing.fixtures.BookingFixtures;
import boxoffice.testing.fixtures.TestLedger;
import boxoffice.testing.fixtures.TestStores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import static boxoffice.testing.fixtures.HoldFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

/** The store contract against the in-memory backend, with group commit on and off. */
class MemorySeatStoreTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static ExecutorService workers;

    @BeforeAll
    static void startWorkers() {
        workers = Executors.newFixedThreadPool(8);
    }

    @AfterAll
    static void stopWorkers() throws InterruptedException {
        workers.shutdown();
        workers.awaitTermination(5, TimeUnit.SECONDS);
    }

    /** A new, empty store; with workers, commands are batched (group commit) as in production. */
    private static TestLedger newStore(Optional<ExecutorService> groupCommit) {
        return TestLedger.over(new MemoryLedgerBackend(TIMEOUT, TestStores.RETENTIONS)).batchedOn(groupCommit)
                .timeout(TIMEOUT).build();
    }

    @Nested
    class WithGroupCommit extends SeatStoreContractTest {
        private final TestLedger store = newStore(Optional.of(workers));
        private final IdempotencyKeys keys = new MemoryIdempotencyKeys(Clock.systemUTC());

        @Override
        protected TestLedger store() {
            return store;
        }

        @Override
        protected IdempotencyKeys idempotencyKeys() {
            return keys;
        }
    }

    @Nested
    class Audit extends LedgerAuditorContract {
        private final TestLedger store = newStore(Optional.of(workers));

        @Override
        protected TestLedger store() {
            return store;
        }
    }

    @Nested
    class WithoutGroupCommit extends SeatStoreContractTest {
        private final TestLedger store = newStore(Optional.empty());
        private final IdempotencyKeys keys = new MemoryIdempotencyKeys(Clock.systemUTC());

        @Override
        protected TestLedger store() {
            return store;
        }

        @Override
        protected IdempotencyKeys idempotencyKeys() {
            return keys;
        }

        @Test
        void finishedHoldsAreForgottenAfterTheRetentionAndBookingsAreKept() {
            Event event = newEvent(10);
            Hold booked = placeHold(event, 2);
            Hold released = placeHold(event, 1);
            Hold active = placeHold(event, 3);
            Booking booking = store.ledger()
                    .execute(new Book(booked.id(), booked.paymentToken(), BookingFixtures.newBookingId(event.id()),
                    t0.plusSeconds(1))).value();
            store.ledger().execute(new Release(released.id(), Optional.empty(), t0.plusSeconds(1)));

            Instant justBefore = t0.plusSeconds(1).plus(TestStores.RETENTION).minusMillis(1);
            store.ledger().execute(new PlaceHold(order(newHoldAt(event, 1, justBefore)), justBefore));
            assertThat(store.reads().findHold(booked.id())).isPresent();

            Instant after = t0.plusSeconds(1).plus(TestStores.RETENTION);
            store.ledger().execute(new PlaceHold(order(newHoldAt(event, 1, after)), after));
            assertThat(store.reads().findHold(booked.id())).isEmpty();
            assertThat(store.reads().findHold(released.id())).isEmpty();
            assertThat(store.reads().findHold(active.id())).as("an active hold is never forgotten").isPresent();
            assertThat(store.reads().findBooking(booking.id())).contains(booking);
        }
    }

    @Nested
    class Seating extends SeatingContract {
        private final TestLedger store = newStore(Optional.of(workers));

        @Override
        protected TestLedger store() {
            return store;
        }
    }

    @Nested
    class Lifecycle extends LifecycleContract {
        private final TestLedger store = newStore(Optional.of(workers));

        @Override
        protected TestLedger store() {
            return store;
        }
    }

    @Nested
    class Feed extends FeedContract {
        private final TestLedger store = newStore(Optional.of(workers));

        @Override
        protected TestLedger store() {
            return store;
        }
    }

    @Nested
    class Waitlist extends WaitlistContract {
        private final TestLedger store = newStore(Optional.of(workers));

        @Override
        protected TestLedger store() {
            return store;
        }
    }
}
