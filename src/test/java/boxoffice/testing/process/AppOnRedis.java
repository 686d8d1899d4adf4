package boxoffice.testing.process;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.http.HttpTestClient;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.function.Function;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The application in process on a redis-server of its own, for one test class: the server starts with the class,
 * the app after it, and the server stops only once the app has (an app stopping on a dead Redis waits out its
 * timeouts). Register it on a static field with {@code @RegisterExtension}, instead of the app itself:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final AppOnRedis APP = AppOnRedis.start(redis -> BoxOfficeTestApp.create(CLOCK,
 *         BoxOfficeTestApp.redisStore(redis)));
 * }</pre>
 */
public final class AppOnRedis implements BeforeAllCallback, AfterAllCallback {
    private final RedisProcess redis;
    private final DropwizardAppExtension<BoxOfficeConfiguration> app;

    private AppOnRedis(RedisProcess redis, DropwizardAppExtension<BoxOfficeConfiguration> app) {
        this.redis = redis;
        this.app = app;
    }

    /**
     * Starts a redis-server now and builds the app on it with {@code app} (the app itself starts before the class's
     * tests): say {@link BoxOfficeTestApp#create} with {@link BoxOfficeTestApp#redisStore}.
     */
    public static AppOnRedis start(Function<RedisProcess, DropwizardAppExtension<BoxOfficeConfiguration>> app) {
        RedisProcess redis = RedisProcess.start();
        try {
            return new AppOnRedis(redis, app.apply(redis));
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        app.beforeAll(context);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            app.afterAll(context);
        } finally {
            redis.close();
        }
    }

    /** The app, for what {@link BoxOfficeTestApp} and the HTTP contracts take. */
    public DropwizardAppExtension<BoxOfficeConfiguration> app() {
        return app;
    }

    public RedisProcess redis() {
        return redis;
    }

    /** A client of the app's API port. */
    public HttpTestClient api() {
        return BoxOfficeTestApp.api(app);
    }

    /** A client of the app's admin port. */
    public HttpTestClient admin() {
        return BoxOfficeTestApp.admin(app);
    }
}
