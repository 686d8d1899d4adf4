package boxoffice.store.redis;

import boxoffice.domain.EventCounts;
import boxoffice.domain.SeatCounts;
import boxoffice.refusals.InsufficientSeatsException;
import boxoffice.store.ledger.LedgerCommand.PlaceHold;
import boxoffice.testing.fixtures.TestLedger;
import boxoffice.testing.process.RedisProcess;
import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import static boxoffice.testing.fixtures.EventFixtures.event;
import static boxoffice.testing.fixtures.HoldFixtures.active;
import static boxoffice.testing.fixtures.HoldFixtures.order;
import static org.assertj.core.api.Assertions.assertThat;


/** Two instances with group commit race for the seats of one event: exactly the seats there are get sold. */
@boxoffice.testing.RedisTier
class RedisConcurrentHoldsTest {
    private static final int SEATS = 50;
    private static final int REQUESTS = 200;

    private RedisProcess redis;
    private final List<RedissonClient> clients = new ArrayList<>();
    private final List<ExecutorService> pools = new ArrayList<>();

    @BeforeEach
    void start() {
        redis = RedisProcess.start();
    }

    @AfterEach
    void stop() {
        pools.forEach(ExecutorService::shutdownNow);
        clients.forEach(RedissonClient::shutdown);
        redis.close();
    }

    @Test
    void neverSellsMoreSeatsThanTheEventHas() throws Exception {
        TestLedger first = instance();
        TestLedger second = instance();
        Instant now = RedisTestStores.now();
        String eventId = first.ledger().createEvent(event(SEATS, now)).id();

        ExecutorService callers = pool(16);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            TestLedger store = i % 2 == 0 ? first : second;
            attempts.add(callers.submit(() -> {
                try {
                    return store.ledger()
                            .execute(new PlaceHold(order(active(eventId, 1, now, Duration.ofMinutes(2))), now))
                            .changed();
                } catch (InsufficientSeatsException soldOut) {
                    return false;
                }
            }));
        }
        int sold = 0;
        for (Future<Boolean> attempt : attempts) {
            sold += attempt.get() ? 1 : 0;
        }

        assertThat(sold).isEqualTo(SEATS);
        assertThat(second.reads().counts(eventId, now).map(EventCounts::total))
                .contains(new SeatCounts(SEATS, 0, SEATS, 0));
        try (var jedis = redis.jedis()) {
            assertThat(RedisTestStores.expiryIndexEntries(jedis, eventId)).isEqualTo(SEATS);
        }
    }

    private TestLedger instance() {
        RedissonClient client = RedisTestStores.singleClient(redis.url());
        clients.add(client);
        MetricRegistry registry = new MetricRegistry();
        return TestLedger.over(RedisTestStores.backend(client, registry, Duration.ofSeconds(5))).metrics(registry)
                .batchedOn(pool(4)).build();
    }

    private ExecutorService pool(int threads) {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        pools.add(pool);
        return pool;
    }
}
