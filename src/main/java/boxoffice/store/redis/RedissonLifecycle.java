package boxoffice.store.redis;

import io.dropwizard.lifecycle.Managed;
import java.util.concurrent.TimeUnit;
import org.redisson.api.RedissonClient;

/** Closes the Redis client when the server stops; registered before the batch workers so it stops after them. */
final class RedissonLifecycle implements Managed {
    private final RedissonClient redisson;

    RedissonLifecycle(RedissonClient redisson) {
        this.redisson = redisson;
    }

    @Override
    public void stop() {
        redisson.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
