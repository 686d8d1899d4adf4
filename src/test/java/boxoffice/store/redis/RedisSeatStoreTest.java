package boxoffice.store.redis;

import boxoffice.domain.Booking;
import boxoffice.domain.Event;
import boxoffice.domain.EventCounts;
import boxoffice.domain.Hold;
import boxoffice.domain.HoldStatus;
import boxoffice.domain.Ids;
import boxoffice.domain.Outcome;
import boxoffice.domain.SeatCounts;
import boxoffice.domain.StoreTotals;
import boxoffice.refusals.HoldExpiredException;
import boxoffice.refusals.InsufficientSeatsException;
import boxoffice.refusals.InvalidPaymentTokenException;
import boxoffice.store.IdempotencyRecord;
import boxoffice.store.ledger.CriticalSectionHook;
import boxoffice.store.ledger.LedgerCommand.Book;
import boxoffice.store.ledger.LedgerCommand.PlaceHold;
import boxoffice.store.ledger.LedgerCommand.Release;
import boxoffice.store.ledger.LedgerCommand.ReleaseDue;
import boxoffice.testing.fixtures.EventFixtures;
import boxoffice.testing.fixtures.TestLedger;
import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.redisson.api.RedissonClient;
import redis.clients.jedis.Jedis;
import static boxoffice.testing.fixtures.BookingFixtures.bookingOf;
import static boxoffice.testing.fixtures.BookingFixtures.newBookingId;
import static boxoffice.testing.fixtures.EventFixtures.event;
import static boxoffice.testing.fixtures.HoldFixtures.active;
import static boxoffice.testing.fixtures.HoldFixtures.newHoldId;
import static boxoffice.testing.fixtures.HoldFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** The Redis store on one real redis-server: seat rules, counts, and the keys it leaves behind. */
@boxoffice.testing.RedisTier
class RedisSeatStoreTest {
    private static final Duration TTL = Duration.ofMinutes(2);

    @RegisterExtension
    static final RedisStoreFixture redis = new RedisStoreFixture();

    private Jedis jedis;
    private TestLedger store;
    private MetricRegistry registry;
    private RedissonClient client;
    private Instant now;

    @BeforeEach
    void freshStore() {
        jedis = redis.jedis();
        store = redis.store();
        registry = redis.registry();
        client = redis.client();
        now = RedisTestStores.now();
    }

    @Test
    void createsAnEventOnceAndReadsItBack() {
        Event event = event(10, now);
        assertThat(store.ledger().createEvent(event)).isEqualTo(event);
        Event again = EventFixtures.sameIdOtherData(event);

        assertThat(store.ledger().createEvent(again)).isEqualTo(event);
        assertThat(store.reads().findEvent(event.id())).contains(event);
        assertThat(store.reads().counts(event.id(), now).map(EventCounts::total)).contains(SeatCounts.fresh(10));
        assertThat(store.reads().findEvent(Ids.newEventId())).isEmpty();
        assertThat(jedis.sismember(RedisKeys.shardEvents(event.id()), event.id())).isTrue();
        assertThat(jedis.hget(RedisKeys.shardTotals(event.id()), "available")).isEqualTo("10");
    }

    @Test
    void holdsAndBooksSeatsAndReplaysTheBooking() {
        String eventId = store.ledger().createEvent(event(10, now)).id();
        Hold hold = active(eventId, 4, now, TTL);

        assertThat(store.ledger().execute(new PlaceHold(order(hold), now))).isEqualTo(Outcome.changed(hold));
        assertThat(store.ledger().execute(new PlaceHold(order(hold), now))).isEqualTo(Outcome.unchanged(hold));
        assertThat(store.reads().findHold(hold.id())).contains(hold);
        assertThat(store.reads().counts(eventId, now).map(EventCounts::total)).contains(new SeatCounts(10, 6, 4, 0));

        String bookingId = newBookingId(eventId);
        Outcome<Booking> booked = store.ledger().execute(new Book(hold.id(), hold.paymentToken(), bookingId, now));
        assertThat(booked.changed()).isTrue();
        assertThat(booked.value()).isEqualTo(bookingOf(hold, bookingId, now));
        assertThat(store.reads().counts(eventId, now).map(EventCounts::total)).contains(new SeatCounts(10, 6, 0, 4));
        assertThat(store.reads().findBooking(bookingId)).contains(booked.value());
        assertThat(store.reads().findHold(hold.id())).contains(hold.booked(bookingId));

        Instant afterTtl = now.plus(TTL).plusSeconds(1);
        Outcome<Booking> replay = store.ledger()
                .execute(new Book(hold.id(), hold.paymentToken(), newBookingId(eventId), afterTtl));
        assertThat(replay).isEqualTo(Outcome.unchanged(booked.value()));
        assertThat(store.reads().counts(eventId, afterTtl).map(EventCounts::total))
                .contains(new SeatCounts(10, 6, 0, 4));
        assertThat(jedis.pttl(RedisKeys.hold(hold.id()))).isPositive();
        assertThat(RedisTestStores.expiryIndexEntries(jedis, eventId)).isZero();
    }

    @Test
    void refusesAWrongTokenAndTooManySeatsWithoutChangingAnything() {
        String eventId = store.ledger().createEvent(event(5, now)).id();
        Hold hold = active(eventId, 3, now, TTL);
        store.ledger().execute(new PlaceHold(order(hold), now));

        assertThatThrownBy(() -> store.ledger().execute(new Book(hold.id(), "pt_wrong", newBookingId(eventId), now)))
                .isInstanceOf(InvalidPaymentTokenException.class);
        assertThatThrownBy(() -> store.ledger().execute(new PlaceHold(order(active(eventId, 3, now, TTL)), now)))
                .isInstanceOfSatisfying(InsufficientSeatsException.class, e -> assertThat(e.available()).isEqualTo(2));
        assertThat(store.reads().counts(eventId, now).map(EventCounts::total)).contains(new SeatCounts(5, 2, 3, 0));
        assertThat(store.reads().findHold(hold.id())).contains(hold);
    }

    @Test
    void releasesAHoldOnceAndKeepsItReadableForTheRetention() {
        String eventId = store.ledger().createEvent(event(5, now)).id();
        Hold hold = active(eventId, 2, now, TTL);
        store.ledger().execute(new PlaceHold(order(hold), now));

        Outcome<Hold> released = store.ledger().execute(new Release(hold.id(), Optional.of(hold.paymentToken()), now));
        assertThat(released).isEqualTo(Outcome.changed(hold.withStatus(HoldStatus.EXPIRED)));
        assertThat(store.ledger().execute(new Release(hold.id(), Optional.empty(), now)).changed()).isFalse();
        assertThat(store.reads().counts(eventId, now).map(EventCounts::total)).contains(SeatCounts.fresh(5));
        assertThatThrownBy(() -> store.ledger()
                .execute(new Book(hold.id(), hold.paymentToken(), newBookingId(eventId), now)))
                .isInstanceOf(HoldExpiredException.class);

        long ttlMillis = jedis.pttl(RedisKeys.hold(hold.id()));
        assertThat(ttlMillis).isBetween(Duration.ofHours(23).toMillis(), Duration.ofHours(24).toMillis());
        assertThat(RedisTestStores.expiryIndexEntries(jedis, eventId)).isZero();
    }

    @Test
    void dueHoldsCountAsAvailableAtOnceAndTheSweeperReleasesThemOnce() {
        String eventId = store.ledger().createEvent(event(5, now)).id();
        Hold early = active(eventId, 2, now, Duration.ofMinutes(1));
        Hold late = active(eventId, 1, now, Duration.ofMinutes(3));
        store.ledger().execute(new PlaceHold(order(early), now));
        store.ledger().execute(new PlaceHold(order(late), now));
        assertThat(jedis.zscore(RedisKeys.shardDue(eventId), eventId)).isEqualTo(early.expiresAt().toEpochMilli());

        Instant afterEarly = early.expiresAt();
        assertThat(store.reads().counts(eventId, afterEarly).map(EventCounts::total))
                .contains(new SeatCounts(5, 4, 1, 0));
        assertThat(store.reads().eventsWithDueHolds(afterEarly.minusMillis(1), 10)).isEmpty();
        assertThat(store.reads().eventsWithDueHolds(afterEarly, 10)).containsExactly(eventId);

        assertThat(store.ledger().execute(new ReleaseDue(eventId, afterEarly))).isEqualTo(1);
        assertThat(store.ledger().execute(new ReleaseDue(eventId, afterEarly))).isZero();
        assertThat(store.reads().counts(eventId, afterEarly).map(EventCounts::total))
                .contains(new SeatCounts(5, 4, 1, 0));
        assertThat(store.reads().findHold(early.id()).map(Hold::status)).contains(HoldStatus.EXPIRED);
        assertThat(jedis.zscore(RedisKeys.shardDue(eventId), eventId)).isEqualTo(late.expiresAt().toEpochMilli());

        assertThat(store.ledger().execute(new ReleaseDue(eventId, late.expiresAt()))).isEqualTo(1);
        assertThat(jedis.zscore(RedisKeys.shardDue(eventId), eventId)).isNull();
        assertThat(store.reads().counts(eventId, late.expiresAt()).map(EventCounts::total))
                .contains(SeatCounts.fresh(5));
        assertThat(jedis.exists(RedisKeys.expiryLanes(eventId))).isFalse();
    }

    @Test
    void aSoldOutEventSellsADueHoldsSeatsToTheNextHold() {
        String eventId = store.ledger().createEvent(event(2, now)).id();
        Hold first = active(eventId, 2, now, Duration.ofMinutes(1));
        store.ledger().execute(new PlaceHold(order(first), now));
        Instant later = first.expiresAt();

        Hold next = active(eventId, 2, later, TTL);
        assertThat(store.ledger().execute(new PlaceHold(order(next), later)).changed()).isTrue();
        assertThat(store.reads().findHold(first.id()).map(Hold::status)).contains(HoldStatus.EXPIRED);
        assertThat(store.reads().counts(eventId, later).map(EventCounts::total)).contains(new SeatCounts(2, 0, 2, 0));
    }

    @Test
    void sumsTotalsOverEveryEvent() {
        String a = store.ledger().createEvent(event(10, now)).id();
        String b = store.ledger().createEvent(event(20, now)).id();
        Hold hold = active(a, 3, now, TTL);
        store.ledger().execute(new PlaceHold(order(hold), now));
        store.ledger().execute(new Book(hold.id(), hold.paymentToken(), newBookingId(a), now));
        store.ledger().execute(new PlaceHold(order(active(b, 5, now, TTL)), now));

        StoreTotals totals = store.reads().totals();
        assertThat(totals).isEqualTo(new StoreTotals(2, new StoreTotals.SeatTally(30, 22, 5, 3),
                StoreTotals.SeatTally.EMPTY, 2, 0, 1, 0));
        assertThat(totals.activeHolds()).isEqualTo(1);
    }

    @Test
    void survivesRedisForgettingItsScripts() {
        String eventId = store.ledger().createEvent(event(3, now)).id();
        jedis.scriptFlush();

        assertThat(store.ledger().execute(new PlaceHold(order(active(eventId, 1, now, TTL)), now)).changed()).isTrue();
        assertThat(store.reads().counts(eventId, now).map(EventCounts::total)).contains(new SeatCounts(3, 2, 1, 0));
    }

    @Test
    void findsNothingForUnknownOrMalformedIds() {
        String eventId = store.ledger().createEvent(event(3, now)).id();
        assertThat(store.reads().findHold(newHoldId(eventId))).isEmpty();
        assertThat(store.reads().findHold("not-an-id")).isEmpty();
        assertThat(store.reads().findBooking(newBookingId(eventId))).isEmpty();
        assertThat(store.reads().counts(Ids.newEventId(), now).map(EventCounts::total)).isEmpty();
    }

    @Test
    void anInstanceThatHasNotSeenTheEventReadsItsCountsInOneRoundTrip() {
        String eventId = store.ledger().createEvent(event(10, now)).id();
        store.ledger().execute(new PlaceHold(order(active(eventId, 4, now, TTL)), now));
        MetricRegistry otherRegistry = new MetricRegistry();
        TestLedger otherInstance = RedisTestStores.store(
                RedisTestStores.backend(client, otherRegistry, Duration.ofSeconds(5)), otherRegistry,
                CriticalSectionHook.NONE);

        assertThat(otherInstance.reads().counts(eventId, now).map(EventCounts::total))
                .contains(new SeatCounts(10, 6, 4, 0));
        assertThat(otherRegistry.timer(RoundTrips.TIMER).getCount()).isEqualTo(1);
        assertThat(otherInstance.reads().findEvent(eventId)).contains(store.reads().findEvent(eventId).orElseThrow());
        assertThat(otherRegistry.timer(RoundTrips.TIMER).getCount()).isEqualTo(1); // cached with the counts
    }

    @Test
    void timesEveryRoundTrip() {
        Event event = store.ledger().createEvent(event(3, now));
        store.reads().counts(event.id(), now);
        assertThat(registry.timer(RoundTrips.TIMER).getCount()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void claimsAnIdempotencyKeyOnce() {
        RedisIdempotencyKeys keys = new RedisIdempotencyKeys(client, registry);
        IdempotencyRecord first = new IdempotencyRecord("fp1", "resource-1", now);
        IdempotencyRecord second = new IdempotencyRecord("fp2", "resource-2", now);

        assertThat(keys.claim("holds", "key", first, Duration.ofMinutes(5))).isEmpty();
        assertThat(keys.claim("holds", "key", second, Duration.ofMinutes(5))).contains(first);
        assertThat(keys.claim("events", "key", second, Duration.ofMinutes(5))).isEmpty();
        assertThat(jedis.pttl(RedisKeys.idempotency("holds", "key"))).isBetween(1L, 300_000L);

        keys.forget("holds", "key");
        assertThat(keys.claim("holds", "key", second, Duration.ofMinutes(5))).isEmpty();
    }
}
