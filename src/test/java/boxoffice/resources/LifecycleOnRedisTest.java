package boxoffice.resources;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.BoxOfficeTestApp;
import boxoffice.testing.MutableClock;
import boxoffice.testing.RedisProcess;
import boxoffice.testing.RedisTier;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link LifecycleHttpContract} on a real Redis of its own. */
@RedisTier
class LifecycleOnRedisTest extends LifecycleHttpContract {
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final RedisProcess REDIS = RedisProcess.start();

    /** Registered first, so that it runs after the app has stopped (after-all callbacks run in reverse). */
    @RegisterExtension
    @Order(1)
    static final AfterAllCallback STOP_REDIS = context -> REDIS.close();

    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP =
            BoxOfficeTestApp.withOrganizerKey(CLOCK, KEY, BoxOfficeTestApp.redisStore(REDIS));

    LifecycleOnRedisTest() {
        super(APP, CLOCK);
    }
}
