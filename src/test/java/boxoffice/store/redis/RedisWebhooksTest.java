package boxoffice.store.redis;

import boxoffice.store.Webhooks;
import boxoffice.store.WebhooksContract;
import boxoffice.testing.process.RedisProcess;
import com.codahale.metrics.MetricRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.redisson.api.RedissonClient;

/** The webhooks contract on a real Redis: webhook.lua's lease and fenced writes. */
@boxoffice.testing.RedisTier
class RedisWebhooksTest extends WebhooksContract {
    private static RedisProcess redis;
    private static RedissonClient client;
    private static RedisWebhooks webhooks;

    @BeforeAll
    static void start() {
        redis = RedisProcess.start();
        client = RedisTestStores.singleClient(redis.url());
        webhooks = new RedisWebhooks(client, new MetricRegistry());
    }

    @AfterAll
    static void stop() {
        client.shutdown();
        redis.close();
    }

    @Override
    protected Webhooks webhooks() {
        return webhooks;
    }
}
