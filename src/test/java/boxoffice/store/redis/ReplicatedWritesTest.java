package boxoffice.store.redis;

import static boxoffice.testing.fixtures.EventFixtures.event;
import static boxoffice.testing.fixtures.HoldFixtures.active;
import static boxoffice.testing.fixtures.HoldFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.domain.Booking;
import boxoffice.domain.Hold;
import boxoffice.domain.Ids;
import boxoffice.domain.Outcome;
import boxoffice.refusals.StoreUnavailableException;
import boxoffice.store.ledger.CriticalSectionHook;
import boxoffice.store.ledger.LedgerCommand.Book;
import boxoffice.store.ledger.LedgerCommand.PlaceHold;
import boxoffice.testing.Pause;
import boxoffice.testing.fixtures.TestLedger;
import boxoffice.testing.fixtures.TestStores;
import boxoffice.testing.process.RedisProcess;
import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import redis.clients.jedis.Jedis;

/**
 * A master with one replica and REDIS_MIN_REPLICAS=1: a commit is acknowledged only once the replica has it. With the
 * replica stalled (SIGSTOP) the commit is refused as unavailable, and so is its retry, although the master has the
 * write; once the replica answers again the retry is answered, and the replica has what was answered.
 */
@boxoffice.testing.FleetTier
class ReplicatedWritesTest {
    private static final Duration REPLICA_WAIT = Duration.ofMillis(300);

    private RedisProcess master;
    private RedisProcess replica;
    private RedissonClient client;
    private TestLedger store;

    @BeforeEach
    void start() {
        master = RedisProcess.start();
        replica = RedisProcess.start("--replicaof", "127.0.0.1", Integer.toString(master.port()));
        awaitReplicaInSync();
        client = RedisTestStores.singleClient(master.url());
        MetricRegistry registry = new MetricRegistry();
        RedisLedgerBackend backend = new RedisLedgerBackend(client, registry, Duration.ofSeconds(1),
                Duration.ofSeconds(5), TestStores.RETENTIONS,
                new ReplicatedWrites(client, 1, REPLICA_WAIT));
        store = RedisTestStores.store(backend, registry, CriticalSectionHook.NONE);
    }

    @AfterEach
    void stop() {
        client.shutdown();
        replica.close();
        master.close();
    }

    @Test
    void aCommitIsAnsweredOnceTheReplicaHasIt() {
        Instant now = RedisTestStores.now();
        String eventId = store.ledger().createEvent(event(10, now)).id();
        try (Jedis jedis = master.jedis()) {
            jedis.scriptFlush(); // as after a failover: the scripts are loaded again, inside the wait
        }
        Hold hold = store.ledger().execute(new PlaceHold(order(active(eventId, 2, now, Duration.ofMinutes(2))), now))
                .value();
        Booking booking = store.ledger()
                .execute(new Book(hold.id(), hold.paymentToken(), Ids.newChildId(eventId, now), now)).value();

        try (Jedis onReplica = replica.jedis()) {
            assertThat(onReplica.hget(RedisKeys.bookings(eventId), Ids.suffixOf(booking.id()))).isNotNull();
            assertThat(onReplica.exists(RedisKeys.definition(eventId))).isTrue();
        }
    }

    @Test
    void withoutTheReplicaNeitherTheCommitNorItsRetryIsAcknowledged() {
        Instant now = RedisTestStores.now();
        String eventId = store.ledger().createEvent(event(10, now)).id();
        Hold hold = active(eventId, 2, now, Duration.ofMinutes(2));

        replica.pause();
        try {
            assertThatThrownBy(() -> store.ledger().execute(new PlaceHold(order(hold), now)))
                    .isInstanceOf(StoreUnavailableException.class);
            try (Jedis onMaster = master.jedis()) {
                assertThat(onMaster.get(RedisKeys.hold(hold.id()))).as("the master has the hold").isNotNull();
            }
            assertThatThrownBy(() -> store.ledger().execute(new PlaceHold(order(hold), now)))
                    .as("a retry replays what only the master has: it waits for the replica too")
                    .isInstanceOf(StoreUnavailableException.class);
        } finally {
            replica.resume();
        }

        Outcome<Hold> retried = store.ledger().execute(new PlaceHold(order(hold), now));
        assertThat(retried.changed()).as("the retry finds the first attempt's hold").isFalse();
        assertThat(retried.value().id()).isEqualTo(hold.id());
        try (Jedis onReplica = replica.jedis()) {
            assertThat(onReplica.get(RedisKeys.hold(hold.id()))).isNotNull();
        }
    }

    private void awaitReplicaInSync() {
        for (int attempt = 0; attempt < 200; attempt++) {
            try (Jedis jedis = replica.jedis()) {
                if (jedis.info("replication").contains("master_link_status:up")) {
                    return;
                }
            }
            Pause.sleep(Duration.ofMillis(50));
        }
        throw new IllegalStateException("the replica never synced with its master");
    }
}
