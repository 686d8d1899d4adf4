package boxoffice.store.redis;

import boxoffice.domain.EventCounts;
import boxoffice.domain.SeatCounts;
import boxoffice.refusals.InsufficientSeatsException;
import boxoffice.store.ledger.CriticalSectionHook;
import boxoffice.store.ledger.LedgerCommand.PlaceHold;
import boxoffice.testing.Pause;
import boxoffice.testing.fixtures.TestLedger;
import boxoffice.testing.process.RedisProcess;
import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import static boxoffice.testing.fixtures.EventFixtures.event;
import static boxoffice.testing.fixtures.HoldFixtures.active;
import static boxoffice.testing.fixtures.HoldFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * Two instances share one Redis. The first stalls inside its lock for longer than the lease, the second takes the
 * lock and sells out the event meanwhile. The stalled commit must be fenced off and retried on fresh state, so no
 * seat is sold twice.
 */
@boxoffice.testing.RedisTier
class StalledLockHolderTest {
    private static final Duration LEASE = Duration.ofMillis(300);
    private static final Duration STALL = Duration.ofSeconds(1);
    private static final int SEATS = 10;

    private RedisProcess redis;
    private RedissonClient stalledClient;
    private RedissonClient healthyClient;

    @BeforeEach
    void start() {
        redis = RedisProcess.start();
        stalledClient = RedisTestStores.singleClient(redis.url());
        healthyClient = RedisTestStores.singleClient(redis.url());
    }

    @AfterEach
    void stop() {
        stalledClient.shutdown();
        healthyClient.shutdown();
        redis.close();
    }

    @Test
    void aHolderThatOutlivesItsLeaseCannotOversell() throws Exception {
        CountDownLatch stalledInsideLock = new CountDownLatch(1);
        AtomicBoolean firstBatch = new AtomicBoolean(true);
        CriticalSectionHook stallOnce = eventId -> {
            if (firstBatch.getAndSet(false)) {
                stalledInsideLock.countDown();
                Pause.sleep(STALL);
            }
        };
        MetricRegistry stalledMetrics = new MetricRegistry();
        TestLedger stalled = RedisTestStores.store(
                RedisTestStores.backend(stalledClient, stalledMetrics, LEASE), stalledMetrics, stallOnce);
        MetricRegistry healthyMetrics = new MetricRegistry();
        TestLedger healthy = RedisTestStores.store(
                RedisTestStores.backend(healthyClient, healthyMetrics, LEASE), healthyMetrics, CriticalSectionHook.NONE);
        Instant now = RedisTestStores.now();
        String eventId = healthy.ledger().createEvent(event(SEATS, now)).id();

        CompletableFuture<Throwable> stalledHold = CompletableFuture.supplyAsync(() -> {
            try {
                stalled.ledger().execute(new PlaceHold(order(active(eventId, SEATS, now, Duration.ofMinutes(2))), now));
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        assertThat(stalledInsideLock.await(5, TimeUnit.SECONDS)).isTrue();
        List<Boolean> sold = IntStream.range(0, SEATS)
                .mapToObj(i -> healthy.ledger()
                        .execute(new PlaceHold(order(active(eventId, 1, now, Duration.ofMinutes(2))), now)).changed())
                .toList();

        assertThat(sold).containsOnly(true).hasSize(SEATS);
        assertThat(stalledHold.get(10, TimeUnit.SECONDS)).isInstanceOf(InsufficientSeatsException.class);
        assertThat(stalledMetrics.counter("boxoffice.store.fencing.rejections").getCount()).isPositive();
        assertThat(healthy.reads().counts(eventId, now).map(EventCounts::total))
                .contains(new SeatCounts(SEATS, 0, SEATS, 0));
        try (var jedis = redis.jedis()) {
            assertThat(RedisTestStores.expiryIndexEntries(jedis, eventId)).isEqualTo(SEATS);
        }
    }
}
