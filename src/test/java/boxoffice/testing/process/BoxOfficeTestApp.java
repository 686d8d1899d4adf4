package boxoffice.testing.process;

import static io.dropwizard.testing.ConfigOverride.config;

import boxoffice.BoxOfficeApplication;
import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.webhooks.AddressPolicy;
import boxoffice.webhooks.HostResolver;
import io.dropwizard.core.Application;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.DropwizardTestSupport;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The real application, from the project's own {@code config.yml}, on random ports, driven by a clock the test
 * moves. Use one per test class ({@code @RegisterExtension static}).
 */
public final class BoxOfficeTestApp {
    public static final String CONFIG = Path.of("config.yml").toAbsolutePath().toString();

    private BoxOfficeTestApp() {}

    public static DropwizardAppExtension<BoxOfficeConfiguration> create(MutableClock clock, ConfigOverride... extra) {
        ConfigOverride[] overrides = withTestDefaults(extra);
        DropwizardTestSupport<BoxOfficeConfiguration> support = new DropwizardTestSupport<>(
                BoxOfficeApplication.class, CONFIG, overrides) {
            @Override
            public Application<BoxOfficeConfiguration> newApplication() {
                return new BoxOfficeApplication(clock);
            }
        };
        return new DropwizardAppExtension<>(support);
    }

    /** As {@link #create}, on the system clock: for what runs on its own schedule (webhook retries). */
    public static DropwizardAppExtension<BoxOfficeConfiguration> createOnSystemClock(ConfigOverride... extra) {
        ConfigOverride[] overrides = withTestDefaults(extra);
        return new DropwizardAppExtension<>(BoxOfficeApplication.class, CONFIG, overrides);
    }

    /**
     * As {@link #createOnSystemClock}, with webhook hosts resolved by {@code hosts} and the addresses
     * {@code publicOnes} allows taken for the public internet: a test plays DNS and the internet on loopback, with no
     * real lookup.
     */
    public static DropwizardAppExtension<BoxOfficeConfiguration> withWebhookNetwork(
            HostResolver hosts, AddressPolicy publicOnes, ConfigOverride... extra) {
        ConfigOverride[] overrides = withTestDefaults(extra);
        return new DropwizardAppExtension<>(new DropwizardTestSupport<>(BoxOfficeApplication.class, CONFIG, overrides) {
            @Override
            public Application<BoxOfficeConfiguration> newApplication() {
                return new BoxOfficeApplication(Clock.tickMillis(ZoneOffset.UTC), hosts, publicOnes);
            }
        });
    }

    /** As {@link #create}, with one organizer key configured, so that organizers' calls can be refused. */
    public static DropwizardAppExtension<BoxOfficeConfiguration> withOrganizerKey(
            MutableClock clock, String key, ConfigOverride... extra) {
        List<ConfigOverride> overrides = new ArrayList<>(Arrays.asList(extra));
        overrides.add(organizerKeys(key));
        return create(clock, overrides.toArray(ConfigOverride[]::new));
    }

    /**
     * The Redis store on {@code redis}, as the HTTP tests on Redis run it: a request waits up to 10 s for the store
     * (a cold instance's first calls can take seconds on a busy machine; these tests are not about that), and the
     * admission token key the Redis store requires.
     */
    public static ConfigOverride[] redisStore(RedisProcess redis) {
        return new ConfigOverride[] {config("store.type", "redis"), config("store.redis.url", redis.url()),
            config("store.groupCommit.timeout", "10 seconds"),
            config("admission.tokenKey", AppProcess.ADMISSION_TOKEN_KEY)};
    }

    /** {@link #redisStore}, with the background sweeper slowed to once an hour: due holds stay due. */
    public static ConfigOverride[] redisStoreWithoutSweeper(RedisProcess redis) {
        List<ConfigOverride> overrides = new ArrayList<>(Arrays.asList(redisStore(redis)));
        overrides.add(config("sweeper.interval", "1 hour"));
        return overrides.toArray(ConfigOverride[]::new);
    }

    /** Ephemeral ports and quiet text logs, then {@code extra}. */
    private static ConfigOverride[] withTestDefaults(ConfigOverride... extra) {
        List<ConfigOverride> overrides = new ArrayList<>(List.of(
                config("server.applicationConnectors[0].port", "0"),
                config("server.adminConnectors[0].port", "0"),
                config("logging.appenders[0].layout.type", "text"),
                config("logging.level", "WARN")));
        overrides.addAll(Arrays.asList(extra));
        return overrides.toArray(ConfigOverride[]::new);
    }

    /** An organizer key setting for {@link #create}. */
    public static ConfigOverride organizerKeys(String keys) {
        return config("http.organizerApiKeys", keys);
    }

    public static HttpTestClient api(DropwizardAppExtension<?> app) {
        return new HttpTestClient("http://127.0.0.1:" + app.getLocalPort());
    }

    public static HttpTestClient admin(DropwizardAppExtension<?> app) {
        return new HttpTestClient("http://127.0.0.1:" + app.getAdminPort());
    }
}
