package boxoffice.store.redis;

import static boxoffice.testing.fixtures.BookingFixtures.newBookingId;
import static boxoffice.testing.fixtures.EventFixtures.event;
import static boxoffice.testing.fixtures.HoldFixtures.active;
import static boxoffice.testing.fixtures.HoldFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.domain.EventCounts;
import boxoffice.domain.Hold;
import boxoffice.domain.HoldStatus;
import boxoffice.domain.Ids;
import boxoffice.domain.LedgerAudit;
import boxoffice.domain.SeatCounts;
import boxoffice.store.ledger.LedgerCommand.Book;
import boxoffice.store.ledger.LedgerCommand.Extend;
import boxoffice.store.ledger.LedgerCommand.PlaceHold;
import boxoffice.store.ledger.LedgerCommand.Release;
import boxoffice.store.ledger.LedgerCommand.ReleaseDue;
import boxoffice.testing.Pause;
import boxoffice.testing.fixtures.FirstBatchStall;
import boxoffice.testing.fixtures.TestLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * The expiry index (expiry-index.lua) on a real redis-server: holds in lanes in order of expiry, entries of booked,
 * released or extended holds never counting and leaving from the head of their lane, holds out of order in more
 * lanes and, past the last lane, in the exact zset; and holds indexed before lanes (in the zset) still found,
 * released, and moved to a lane when extended.
 */
@boxoffice.testing.RedisTier
class RedisExpiryIndexTest {
    private static final Duration TTL = Duration.ofMinutes(1);

    @RegisterExtension
    static final RedisStoreFixture redis = new RedisStoreFixture();

    private Jedis jedis;
    private TestLedger store;
    private Instant now;
    private String eventId;

    @BeforeEach
    void freshEvent() {
        jedis = redis.jedis();
        store = redis.store();
        now = RedisTestStores.now();
        eventId = store.ledger().createEvent(event(10, now)).id();
    }

    @Test
    void anExtendedHoldIsDueAtItsNewExpiryOnly() {
        Hold hold = place(2, TTL);
        Hold extended = store.ledger().execute(new Extend(hold.id(), hold.paymentToken(), Duration.ofMinutes(5), now))
                .value();
        assertThat(RedisTestStores.expiryIndexEntries(jedis, eventId)).isEqualTo(1); // the old entry was the head

        Instant afterFirstExpiry = hold.expiresAt().plusSeconds(2);
        assertCounts(afterFirstExpiry, 8, 2);
        assertThat(store.reads().eventsWithDueHolds(afterFirstExpiry, 10)).doesNotContain(eventId);
        assertThat(store.ledger().execute(new ReleaseDue(eventId, afterFirstExpiry))).isZero();
        assertThat(store.reads().findHold(hold.id()).map(Hold::status)).contains(HoldStatus.ACTIVE);
        assertAuditAddsUp();

        assertCounts(extended.expiresAt(), 10, 0);
        assertThat(store.ledger().execute(new ReleaseDue(eventId, extended.expiresAt()))).isEqualTo(1);
        assertThat(jedis.exists(RedisKeys.expiryLanes(eventId))).isFalse();
        assertThat(jedis.zscore(RedisKeys.shardDue(eventId), eventId)).isNull();
    }

    @Test
    void entriesOfFinishedHoldsNeverCountAndLeaveFromTheHeadOfTheirLane() {
        Hold first = place(1, TTL);
        Hold booked = place(now.plusMillis(1), 2);
        Hold released = place(now.plusMillis(2), 3);
        Hold last = place(now.plusMillis(3), 1);
        store.ledger().execute(new Book(booked.id(), booked.paymentToken(), newBookingId(eventId), now.plusMillis(4)));
        store.ledger().execute(new Release(released.id(), Optional.empty(), now.plusMillis(4)));
        assertThat(RedisTestStores.expiryIndexEntries(jedis, eventId)).isEqualTo(4); // behind a live head they wait
        assertAuditAddsUp();

        assertCounts(released.expiresAt(), 7, 1);
        assertThat(store.reads().eventsWithDueHolds(first.expiresAt(), 10)).contains(eventId);
        // the first, not the two dead ones
        assertThat(store.ledger().execute(new ReleaseDue(eventId, released.expiresAt()))).isEqualTo(1);

        assertThat(store.reads().findHold(first.id()).map(Hold::status)).contains(HoldStatus.EXPIRED);
        assertThat(RedisTestStores.expiryIndexEntries(jedis, eventId)).isEqualTo(1);
        assertThat(jedis.zscore(RedisKeys.shardDue(eventId), eventId)).isEqualTo(last.expiresAt().toEpochMilli());
        assertAuditAddsUp();
    }

    @Test
    void holdsOutOfOrderOpenLanesAndPastTheLastOneGoToTheExactIndex() {
        List<Hold> shorterEachTime = new ArrayList<>();
        for (int minutes = 10; minutes >= 1; minutes--) {
            shorterEachTime.add(place(1, Duration.ofMinutes(minutes)));
        }
        assertThat(jedis.zcard(RedisKeys.expiryLanes(eventId))).isEqualTo(8);
        assertThat(jedis.zcard(RedisKeys.exactExpiry(eventId))).isEqualTo(2);
        assertAuditAddsUp();

        for (int released = 1; released <= shorterEachTime.size(); released++) {
            Hold due = shorterEachTime.get(shorterEachTime.size() - released);
            assertThat(store.reads().eventsWithDueHolds(due.expiresAt().minusMillis(1), 10)).doesNotContain(eventId);
            assertCounts(due.expiresAt(), released, 10 - released);
            assertThat(store.ledger().execute(new ReleaseDue(eventId, due.expiresAt()))).isEqualTo(1);
        }
        assertThat(RedisTestStores.expiryIndexEntries(jedis, eventId)).isZero();
        assertThat(jedis.zscore(RedisKeys.shardDue(eventId), eventId)).isNull();
    }

    @Test
    void holdsOfTheEarlierIndexAreStillDueAndMoveToALaneWhenExtended() {
        Hold kept = place(2, TTL);
        Hold extended = place(3, TTL);
        moveToEarlierIndex(kept);
        moveToEarlierIndex(extended);
        assertThat(jedis.exists(RedisKeys.expiryLanes(eventId))).isFalse();
        assertAuditAddsUp();

        Hold longer = store.ledger()
                .execute(new Extend(extended.id(), extended.paymentToken(), Duration.ofMinutes(5), now)).value();
        assertThat(jedis.zscore(RedisKeys.exactExpiry(eventId), Ids.suffixOf(extended.id()))).isNull();
        assertThat(jedis.zcard(RedisKeys.expiryLanes(eventId))).isEqualTo(1);

        assertCounts(kept.expiresAt(), 7, 3);
        assertThat(store.reads().eventsWithDueHolds(kept.expiresAt(), 10)).contains(eventId);
        assertThat(store.ledger().execute(new ReleaseDue(eventId, kept.expiresAt()))).isEqualTo(1);
        assertThat(jedis.exists(RedisKeys.exactExpiry(eventId))).isFalse();
        assertAuditAddsUp();

        assertThat(store.ledger().execute(new ReleaseDue(eventId, longer.expiresAt()))).isEqualTo(1);
        assertCounts(longer.expiresAt(), 10, 0);
    }

    /**
     * A commit looks up the lanes' last entries once and keeps them current as its holds join: three holds placed in
     * one batch, out of order and all expiring before the one lane's last entry, open a second lane and join it in
     * order of expiry, the lane scored by the earliest.
     */
    @Test
    void holdsOfOneBatchJoinTheLanesInOrderOfExpiry() throws Exception {
        Hold latest = place(1, Duration.ofMinutes(5));
        Hold twoMinutes = active(eventId, 1, now, Duration.ofMinutes(2));
        Hold threeMinutes = active(eventId, 1, now, Duration.ofMinutes(3));
        Hold fourMinutes = active(eventId, 1, now, Duration.ofMinutes(4));
        FirstBatchStall pauseFirstBatch = new FirstBatchStall();
        ExecutorService workers = Executors.newSingleThreadExecutor();
        ExecutorService buyers = Executors.newFixedThreadPool(4);
        try {
            TestLedger batching = TestLedger.over(RedisTestStores.backend(redis.client(), redis.registry(),
                    Duration.ofSeconds(5))).metrics(redis.registry()).batchedOn(workers)
                    .timeout(Duration.ofSeconds(10)).hook(pauseFirstBatch).build();
            Future<?> first = buyers.submit(
                    () -> batching.ledger()
                            .execute(new PlaceHold(order(active(eventId, 1, now, Duration.ofMinutes(6))), now)));
            assertThat(pauseFirstBatch.awaitInside()).isTrue();
            String versionBefore = jedis.hget(RedisKeys.event(eventId), "version");
            List<Future<?>> placed = List.of(threeMinutes, twoMinutes, fourMinutes).stream()
                    .<Future<?>>map(hold -> buyers.submit(() -> batching.ledger()
                            .execute(new PlaceHold(order(hold), now))))
                    .toList();
            while (batching.ledger().queueDepth() < placed.size()) {
                Pause.sleep(Duration.ofMillis(5));
            }
            pauseFirstBatch.release();
            first.get(10, TimeUnit.SECONDS);
            for (Future<?> hold : placed) {
                hold.get(10, TimeUnit.SECONDS);
            }
            assertThat(Long.parseLong(jedis.hget(RedisKeys.event(eventId), "version")))
                    .as("the three holds were one commit").isEqualTo(Long.parseLong(versionBefore) + 2);
        } finally {
            workers.shutdownNow();
            buyers.shutdownNow();
        }

        String lanes = RedisKeys.expiryLanes(eventId);
        assertThat(jedis.zcard(lanes)).isEqualTo(2);
        assertThat(jedis.lrange(lanes + ":2", 0, -1))
                .containsExactly(laneEntry(twoMinutes), laneEntry(threeMinutes), laneEntry(fourMinutes));
        assertThat(jedis.zscore(lanes, "2")).isEqualTo((double) twoMinutes.expiresAt().toEpochMilli());
        assertAuditAddsUp();
        Instant afterAll = latest.expiresAt().plus(Duration.ofMinutes(1));
        assertThat(store.ledger().execute(new ReleaseDue(eventId, afterAll))).isEqualTo(5);
        assertCounts(afterAll, 10, 0);
    }

    private Hold place(int qty, Duration ttl) {
        Hold hold = active(eventId, qty, now, ttl);
        assertThat(store.ledger().execute(new PlaceHold(order(hold), now)).changed()).isTrue();
        return hold;
    }

    private Hold place(Instant at, int qty) {
        Hold hold = active(eventId, qty, at, TTL);
        assertThat(store.ledger().execute(new PlaceHold(order(hold), at)).changed()).isTrue();
        return hold;
    }

    /** A hold's entry in a lane: its suffix, then the ms from its id's issue to its expiry. */
    private static String laneEntry(Hold hold) {
        return Ids.suffixOf(hold.id())
                + (hold.expiresAt().toEpochMilli() - Ids.issuedAt(hold.id()).orElseThrow().toEpochMilli());
    }

    /** Indexes an active hold the way holds placed before lanes were: an entry in the exact zset. */
    private void moveToEarlierIndex(Hold hold) {
        String lanes = RedisKeys.expiryLanes(eventId);
        for (String lane : jedis.zrange(lanes, 0, -1)) {
            jedis.lrem(lanes + ":" + lane, 0, laneEntry(hold));
            if (jedis.llen(lanes + ":" + lane) == 0) {
                jedis.zrem(lanes, lane);
            }
        }
        jedis.zadd(RedisKeys.exactExpiry(eventId), hold.expiresAt().toEpochMilli(), Ids.suffixOf(hold.id()));
    }

    private void assertCounts(Instant at, int available, int held) {
        assertThat(store.reads().counts(eventId, at).map(EventCounts::total))
                .contains(new SeatCounts(10, available, held, 10 - available - held));
    }

    private void assertAuditAddsUp() {
        LedgerAudit audit = store.reads().audit(eventId).orElseThrow();
        assertThat(audit.heldByActiveHolds()).isEqualTo(audit.held());
        assertThat(audit.bookedByBookings()).isEqualTo(audit.booked());
    }
}
