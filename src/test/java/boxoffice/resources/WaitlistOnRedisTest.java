package boxoffice.resources;

import static io.dropwizard.testing.ConfigOverride.config;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.MutableClock;
import boxoffice.testing.RedisProcess;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link WaitlistHttpContract} on a real Redis of its own. */
class WaitlistOnRedisTest extends WaitlistHttpContract {
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final RedisProcess REDIS = RedisProcess.start();

    /** Registered first, so that it runs after the app has stopped (after-all callbacks run in reverse). */
    @RegisterExtension
    @Order(1)
    static final AfterAllCallback STOP_REDIS = context -> REDIS.close();

    @RegisterExtension
    @Order(2)
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP =
            appWith(CLOCK, config("store.type", "redis"), config("store.redis.url", REDIS.url()),
                    // a cold instance's first calls can take seconds on a busy machine; these tests are not about that
                    config("store.groupCommit.timeout", "10 seconds"),
                    config("admission.tokenKey", "waitlist-test-admission-key-0123456789abcdef"));

    WaitlistOnRedisTest() {
        super(APP, CLOCK);
    }
}
