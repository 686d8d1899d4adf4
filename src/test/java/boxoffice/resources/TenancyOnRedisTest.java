package boxoffice.resources;

import boxoffice.testing.AppOnRedis;
import boxoffice.testing.BoxOfficeTestApp;
import boxoffice.testing.RedisTier;
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
