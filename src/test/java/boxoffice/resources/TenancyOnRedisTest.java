package boxoffice.resources;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.BoxOfficeTestApp;
import boxoffice.testing.RedisProcess;
import boxoffice.testing.RedisTier;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TenancyHttpContract} on a real Redis of its own: the owner goes through the Redis event record. */
@RedisTier
class TenancyOnRedisTest extends TenancyHttpContract {
    private static final RedisProcess REDIS = RedisProcess.start();

    /** Registered first, so that it runs after the app has stopped (after-all callbacks run in reverse). */
    @RegisterExtension
    @Order(1)
    static final AfterAllCallback STOP_REDIS = context -> REDIS.close();

    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP =
            BoxOfficeTestApp.createOnSystemClock(settings(BoxOfficeTestApp.redisStore(REDIS)));

    TenancyOnRedisTest() {
        super(APP);
    }
}
