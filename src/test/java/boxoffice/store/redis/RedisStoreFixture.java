package boxoffice.store.redis;

import boxoffice.store.ledger.CriticalSectionHook;
import boxoffice.testing.fixtures.TestLedger;
import boxoffice.testing.process.RedisProcess;
import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.redisson.api.RedissonClient;
import redis.clients.jedis.Jedis;

/**
 * One real redis-server for a test class, emptied before each test, with a Redis store on it built the way production
 * builds it (group commit off). Register it on a static field with {@code @RegisterExtension}.
 */
final class RedisStoreFixture implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback {
    private RedisProcess redis;
    private RedissonClient client;
    private Jedis jedis;
    private MetricRegistry registry;
    private TestLedger store;

    @Override
    public void beforeAll(ExtensionContext context) {
        redis = RedisProcess.start();
        client = RedisTestStores.singleClient(redis.url());
        jedis = redis.jedis();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        jedis.close();
        client.shutdown();
        redis.close();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        jedis.flushAll();
        registry = new MetricRegistry();
        store = RedisTestStores.store(RedisTestStores.backend(client, registry, Duration.ofSeconds(5)), registry,
                CriticalSectionHook.NONE);
    }

    /** A fresh store for each test. */
    TestLedger store() {
        return store;
    }

    /** The store's metrics, fresh for each test. */
    MetricRegistry registry() {
        return registry;
    }

    RedissonClient client() {
        return client;
    }

    /** A direct connection, for what the store leaves in Redis. */
    Jedis jedis() {
        return jedis;
    }
}
