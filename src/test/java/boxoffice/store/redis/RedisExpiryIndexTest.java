package boxoffice.store.redis;

import static boxoffice.testing.BookingFixtures.newBookingId;
import static boxoffice.testing.EventFixtures.event;
import static boxoffice.testing.HoldFixtures.active;
import static boxoffice.testing.HoldFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.core.EventCounts;
import boxoffice.core.Hold;
import boxoffice.core.HoldStatus;
import boxoffice.core.Ids;
import boxoffice.core.LedgerAudit;
import boxoffice.core.SeatCounts;
import boxoffice.store.ledger.LedgerSeatStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;

/**
 * The expiry index (expiry-index.lua) on a real redis-server: entries of booked, released or extended holds are left
 * behind and must never count, the index empties itself once their second has passed, and holds indexed by the
 * earlier layout (one zset entry a hold) are still found, released and moved out of it.
 */
class RedisExpiryIndexTest {
    private static final Duration TTL = Duration.ofMinutes(1);

    @RegisterExtension
    static final RedisStoreFixture redis = new RedisStoreFixture();

    private Jedis jedis;
    private LedgerSeatStore store;
    private Instant now;
    private String eventId;

    @BeforeEach
    void freshEvent() {
        jedis = redis.jedis();
        store = redis.store();
        now = RedisTestStores.now();
        eventId = store.createEvent(event(10, now)).id();
    }

    @Test
    void anExtendedHoldIsDueAtItsNewExpiryOnly() {
        Hold hold = place(2, TTL);
        Hold extended = store.extend(hold.id(), hold.paymentToken(), Duration.ofMinutes(5), now).value();

        Instant afterFirstExpiry = hold.expiresAt().plusSeconds(2);
        assertCounts(afterFirstExpiry, 8, 2);
        assertThat(store.releaseDue(eventId, afterFirstExpiry)).isZero();
        assertThat(store.findHold(hold.id()).map(Hold::status)).contains(HoldStatus.ACTIVE);
        assertAuditAddsUp();

        assertCounts(extended.expiresAt(), 10, 0);
        assertThat(store.releaseDue(eventId, extended.expiresAt())).isEqualTo(1);
        assertThat(store.releaseDue(eventId, extended.expiresAt().plusSeconds(1))).isZero();
        assertThat(jedis.exists(RedisKeys.expiryIndex(eventId))).isFalse();
    }

    @Test
    void entriesOfFinishedHoldsNeverCountAndGoOnceTheirSecondHasPassed() {
        Hold booked = place(1, TTL);
        Hold released = place(2, TTL);
        Hold expiring = place(3, TTL);
        store.book(booked.id(), booked.paymentToken(), newBookingId(eventId), now);
        store.release(released.id(), Optional.empty(), now);
        assertThat(RedisTestStores.expiryIndexEntries(jedis, eventId)).isEqualTo(3);
        assertAuditAddsUp();

        Instant afterAll = expiring.expiresAt().plusSeconds(1);
        assertCounts(afterAll, 9, 0);
        Hold next = place(afterAll, 1); // its batch releases the due hold, and its commit tidies the passed second

        assertThat(store.findHold(expiring.id()).map(Hold::status)).contains(HoldStatus.EXPIRED);
        assertThat(RedisTestStores.expiryIndexEntries(jedis, eventId)).isEqualTo(1);
        assertThat(jedis.zscore(RedisKeys.shardDue(eventId), eventId)).isEqualTo(next.expiresAt().toEpochMilli());
        assertAuditAddsUp();
    }

    @Test
    void holdsOfTheEarlierIndexAreStillDueAndLeaveIt() {
        Hold kept = place(2, TTL);
        Hold extended = place(3, TTL);
        moveToEarlierIndex(kept);
        moveToEarlierIndex(extended);
        assertThat(RedisTestStores.expiryIndexEntries(jedis, eventId)).isZero();
        assertAuditAddsUp();

        Hold longer = store.extend(extended.id(), extended.paymentToken(), Duration.ofMinutes(5), now).value();
        assertThat(jedis.zscore(RedisKeys.legacyExpiry(eventId), Ids.suffixOf(extended.id()))).isNull();
        assertThat(RedisTestStores.expiryIndexEntries(jedis, eventId)).isEqualTo(1);

        assertCounts(kept.expiresAt(), 7, 3);
        assertThat(store.eventsWithDueHolds(kept.expiresAt(), 10)).contains(eventId);
        assertThat(store.releaseDue(eventId, kept.expiresAt())).isEqualTo(1);
        assertThat(jedis.exists(RedisKeys.legacyExpiry(eventId))).isFalse();
        assertAuditAddsUp();

        assertThat(store.releaseDue(eventId, longer.expiresAt())).isEqualTo(1);
        assertCounts(longer.expiresAt(), 10, 0);
    }

    private Hold place(int qty, Duration ttl) {
        Hold hold = active(eventId, qty, now, ttl);
        assertThat(store.placeHold(order(hold), now).changed()).isTrue();
        return hold;
    }

    private Hold place(Instant at, int qty) {
        Hold hold = active(eventId, qty, at, TTL);
        assertThat(store.placeHold(order(hold), at).changed()).isTrue();
        return hold;
    }

    /** Indexes an active hold the way holds placed before the expiry index were: one zset entry. */
    private void moveToEarlierIndex(Hold hold) {
        String index = RedisKeys.expiryIndex(eventId);
        for (String start : jedis.zrange(index, 0, -1)) {
            jedis.lrem(index + ":" + start, 0, Ids.suffixOf(hold.id()) + (hold.expiresAt().toEpochMilli()
                    - Long.parseLong(start)));
            if (jedis.llen(index + ":" + start) == 0) {
                jedis.zrem(index, start);
            }
        }
        jedis.zadd(RedisKeys.legacyExpiry(eventId), hold.expiresAt().toEpochMilli(), Ids.suffixOf(hold.id()));
    }

    private void assertCounts(Instant at, int available, int held) {
        assertThat(store.counts(eventId, at).map(EventCounts::total))
                .contains(new SeatCounts(10, available, held, 10 - available - held));
    }

    private void assertAuditAddsUp() {
        LedgerAudit audit = store.audit(eventId).orElseThrow();
        assertThat(audit.heldByActiveHolds()).isEqualTo(audit.held());
        assertThat(audit.bookedByBookings()).isEqualTo(audit.booked());
    }
}
