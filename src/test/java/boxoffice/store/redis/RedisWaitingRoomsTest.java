package boxoffice.store.redis;

import boxoffice.store.RateLimitBuckets;
import boxoffice.store.WaitingRooms;
import boxoffice.store.WaitingRoomsContract;
import boxoffice.testing.process.RedisProcess;
import com.codahale.metrics.MetricRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.redisson.api.RedissonClient;

/** The waiting-room contract on a real Redis: waiting-room.lua and Bucket4j's Redisson buckets. */
@boxoffice.testing.RedisTier
class RedisWaitingRoomsTest extends WaitingRoomsContract {
    private static RedisProcess redis;
    private static RedissonClient client;
    private static RedisWaitingRooms rooms;
    private static RedisRateLimitBuckets buckets;

    @BeforeAll
    static void start() {
        redis = RedisProcess.start();
        client = RedisTestStores.singleClient(redis.url());
        rooms = new RedisWaitingRooms(client, new MetricRegistry());
        buckets = new RedisRateLimitBuckets(client, new MetricRegistry(), Duration.ofSeconds(2));
    }

    @AfterAll
    static void stop() {
        client.shutdown();
        redis.close();
    }

    @Override
    protected WaitingRooms rooms() {
        return rooms;
    }

    @Override
    protected RateLimitBuckets buckets() {
        return buckets;
    }
}
