package boxoffice.resources;

import boxoffice.testing.RedisTier;
import boxoffice.testing.process.AppOnRedis;
import boxoffice.testing.process.BoxOfficeTestApp;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@link TenancyHttpContract} on a real Redis of its own: the owner goes through the Redis event record. */
@RedisTier
class TenancyOnRedisTest extends TenancyHttpContract {
    @RegisterExtension
    static final AppOnRedis APP = AppOnRedis.start(redis ->
            BoxOfficeTestApp.createOnSystemClock(settings(BoxOfficeTestApp.redisStore(redis))));

    TenancyOnRedisTest() {
        super(APP.app());
    }
}
