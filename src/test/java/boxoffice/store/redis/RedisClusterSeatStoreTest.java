package boxoffice.store.redis;

import boxoffice.domain.Booking;
import boxoffice.domain.EventCounts;
import boxoffice.domain.Hold;
import boxoffice.domain.HoldStatus;
import boxoffice.domain.SeatCounts;
import boxoffice.domain.StoreTotals;
import boxoffice.refusals.InsufficientSeatsException;
import boxoffice.store.FeedContract;
import boxoffice.store.IdempotencyKeys;
import boxoffice.store.IdempotencyRecord;
import boxoffice.store.LifecycleContract;
import boxoffice.store.SeatStoreContractTest;
import boxoffice.store.SeatingContract;
import boxoffice.store.WaitlistContract;
import boxoffice.store.ledger.CriticalSectionHook;
import boxoffice.store.ledger.LedgerCommand.Book;
import boxoffice.store.ledger.LedgerCommand.PlaceHold;
import boxoffice.store.ledger.LedgerCommand.Release;
import boxoffice.store.ledger.LedgerCommand.ReleaseDue;
import boxoffice.testing.fixtures.TestLedger;
import boxoffice.testing.process.RedisClusterProcess;
import com.codahale.metrics.MetricRegistry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import redis.clients.jedis.Jedis;
import static boxoffice.testing.fixtures.BookingFixtures.newBookingId;
import static boxoffice.testing.fixtures.EventFixtures.event;
import static boxoffice.testing.fixtures.HoldFixtures.active;
import static boxoffice.testing.fixtures.HoldFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/**
 * The same store on a three-master Redis Cluster: events land on every master, and each event's scripts run on one
 * slot (a cross-slot key would fail with CROSSSLOT), while the global indexes live wherever their slot is.
 */
@boxoffice.testing.FleetTier
class RedisClusterSeatStoreTest {
    /** Enough events that each of three masters owns some, barring a one-in-60,000 draw. */
    private static final int EVENTS = 30;
    private static final Duration TTL = Duration.ofMinutes(2);

    private static RedisClusterProcess cluster;
    private static RedissonClient client;
    private static TestLedger store;
    private static MetricRegistry registry;

    @BeforeAll
    static void startCluster() {
        cluster = RedisClusterProcess.start();
        client = RedisTestStores.connection("cluster", cluster.urls(), "5 seconds").build();
        registry = new MetricRegistry();
        store = RedisTestStores.store(RedisTestStores.backend(client, registry, Duration.ofSeconds(5)), registry,
                CriticalSectionHook.NONE);
    }

    @AfterAll
    static void stopCluster() {
        if (client != null) {
            client.shutdown();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    /** The whole store contract, on the cluster. */
    @Nested
    class Contract extends SeatStoreContractTest {
        @Override
        protected TestLedger store() {
            return store;
        }

        @Override
        protected IdempotencyKeys idempotencyKeys() {
            return new RedisIdempotencyKeys(client, registry);
        }
    }

    @Test
    void runsEveryScenarioOnEventsSpreadOverAllMasters() {
        Instant now = RedisTestStores.now();
        List<String> eventIds = IntStream.range(0, EVENTS)
                .mapToObj(i -> store.ledger().createEvent(event(5, now)).id())
                .toList();
        for (String url : cluster.urls()) {
            try (Jedis node = new Jedis(URI.create(url))) {
                assertThat(node.dbSize()).as("keys on %s", url).isPositive();
            }
        }

        eventIds.forEach(eventId -> holdBookReleaseAndExpire(eventId, now));

        assertThat(store.reads().totals()).isEqualTo(new StoreTotals(EVENTS,
                new StoreTotals.SeatTally(5L * EVENTS, 2L * EVENTS, 0, 3L * EVENTS), StoreTotals.SeatTally.EMPTY,
                3L * EVENTS, 2L * EVENTS, EVENTS, 0));
    }

    @Test
    void claimsIdempotencyKeysOnAnyMaster() {
        RedisIdempotencyKeys keys = new RedisIdempotencyKeys(client, registry);
        IdempotencyRecord record = new IdempotencyRecord("fp", "resource", RedisTestStores.now());
        for (int i = 0; i < 10; i++) {
            assertThat(keys.claim("holds", "key-" + i, record, Duration.ofMinutes(1))).isEmpty();
            assertThat(keys.claim("holds", "key-" + i, record, Duration.ofMinutes(1))).contains(record);
        }
    }

    private static void holdBookReleaseAndExpire(String eventId, Instant now) {
        Hold booked = active(eventId, 3, now, TTL);
        Hold released = active(eventId, 1, now, TTL);
        Hold expiring = active(eventId, 1, now, Duration.ofMinutes(1));
        store.ledger().execute(new PlaceHold(order(booked), now));
        store.ledger().execute(new PlaceHold(order(released), now));
        store.ledger().execute(new PlaceHold(order(expiring), now));
        assertThat(store.reads().counts(eventId, now).map(EventCounts::total)).contains(new SeatCounts(5, 0, 5, 0));
        assertThatThrownBy(() -> store.ledger().execute(new PlaceHold(order(active(eventId, 1, now, TTL)), now)))
                .isInstanceOf(InsufficientSeatsException.class);

        String bookingId = newBookingId(eventId);
        Booking booking = store.ledger().execute(new Book(booked.id(), booked.paymentToken(), bookingId, now)).value();
        assertThat(store.ledger().execute(new Book(booked.id(), booked.paymentToken(), newBookingId(eventId), now))
                .value())
                .isEqualTo(booking);
        assertThat(store.reads().findBooking(bookingId)).contains(booking);
        store.ledger().execute(new Release(released.id(), Optional.of(released.paymentToken()), now));
        assertThat(store.reads().counts(eventId, now).map(EventCounts::total)).contains(new SeatCounts(5, 1, 1, 3));

        Instant due = expiring.expiresAt();
        assertThat(store.reads().eventsWithDueHolds(due, EVENTS)).contains(eventId);
        assertThat(store.ledger().execute(new ReleaseDue(eventId, due))).isEqualTo(1);
        assertThat(store.reads().eventsWithDueHolds(due, EVENTS)).doesNotContain(eventId);
        assertThat(store.reads().findHold(expiring.id()).map(Hold::status)).contains(HoldStatus.EXPIRED);
        assertThat(store.reads().counts(eventId, due).map(EventCounts::total)).contains(new SeatCounts(5, 2, 0, 3));
    }

    /** Sections and reserved seats, on the same store. */
    @Nested
    class Seating extends SeatingContract {
        @Override
        protected TestLedger store() {
            return store;
        }
    }

    @Nested
    class Lifecycle extends LifecycleContract {
        @Override
        protected TestLedger store() {
            return store;
        }
    }

    @Nested
    class Feed extends FeedContract {
        @Override
        protected TestLedger store() {
            return store;
        }
    }

    @Nested
    class Waitlist extends WaitlistContract {
        @Override
        protected TestLedger store() {
            return store;
        }
    }
}
