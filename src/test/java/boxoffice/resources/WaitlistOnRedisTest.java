package boxoffice.resources;

import boxoffice.testing.RedisTier;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.process.AppOnRedis;
import boxoffice.testing.process.BoxOfficeTestApp;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link WaitlistHttpContract} on a real Redis of its own. */
@RedisTier
class WaitlistOnRedisTest extends WaitlistHttpContract {
    private static final MutableClock CLOCK = MutableClock.startingNow();

    @RegisterExtension
    static final AppOnRedis APP = AppOnRedis.start(redis ->
            BoxOfficeTestApp.withOrganizerKey(CLOCK, KEY, BoxOfficeTestApp.redisStore(redis)));

    WaitlistOnRedisTest() {
        super(APP.app(), CLOCK);
    }
}
