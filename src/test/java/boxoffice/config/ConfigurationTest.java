package boxoffice.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.store.redis.RedisStoreFactory;
import boxoffice.testing.process.ConfigFile;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The shipped config.yml read as at start-up: values from the environment, and the combinations it refuses. */
class ConfigurationTest {
    private static final String TOKEN_KEY = "#a-token-key: of at least 32 bytes";

    @Test
    void theDefaultsAreValid() throws Exception {
        assertThat(ConfigFile.load(Map.of()).getHttp().organizerApiKeys()).isEmpty();
    }

    /** Issue #14: SlowRequestBodyTest runs with fewer threads and a shorter timeout; these are what ships. */
    @Test
    void theShippedSettingsBoundHowLongASlowBodyHoldsAThread() throws Exception {
        var config = ConfigFile.load(Map.of());
        var server = (DefaultServerFactory) config.getServerFactory();
        var api = (HttpConnectorFactory) server.getApplicationConnectors().get(0);
        assertThat(config.getHttp().getBodyTimeout()).isEqualTo(Duration.seconds(10));
        assertThat(api.getMinRequestDataPerSecond()).isEqualTo(DataSize.bytes(16));
        assertThat(api.getIdleTimeout()).isEqualTo(Duration.seconds(30));
        assertThat(server.getMaxThreads()).isEqualTo(1024);
    }

    /** Issue #16: Dropwizard's per-request thread renaming is off unless asked for (two system calls a request). */
    @Test
    void requestThreadsAreRenamedOnlyWhenAskedFor() throws Exception {
        var byDefault = (DefaultServerFactory) ConfigFile.load(Map.of()).getServerFactory();
        var asked = (DefaultServerFactory) ConfigFile.load(Map.of("THREAD_NAME_FILTER", "true")).getServerFactory();
        assertThat(byDefault.getEnableThreadNameFilter()).isFalse();
        assertThat(asked.getEnableThreadNameFilter()).isTrue();
    }

    /** Issue #16: off unless asked for (the image asks), bounded so that an instance is ready within a minute. */
    @Test
    void theWarmupIsOffByDefaultAndTakenFromTheEnvironment() throws Exception {
        var defaults = ConfigFile.load(Map.of()).getWarmup();
        assertThat(defaults.isEnabled()).isFalse();
        assertThat(defaults.maxDuration()).hasSeconds(45);
        var on = ConfigFile.load(Map.of("WARMUP", "true", "WARMUP_MIN_DURATION", "2 seconds",
                "WARMUP_MAX_DURATION", "20 seconds", "WARMUP_CONNECTIONS", "4")).getWarmup();
        assertThat(on.isEnabled()).isTrue();
        assertThat(on.minDuration()).hasSeconds(2);
        assertThat(on.maxDuration()).hasSeconds(20);
        assertThat(on.getConnections()).isEqualTo(4);
        assertThat(ConfigFile.load(Map.of()).getAudit().getFullPassEvery()).isEqualTo(24);
        assertThatThrownBy(() -> ConfigFile.load(Map.of("WARMUP_CONNECTIONS", "0")))
                .isInstanceOf(ConfigurationValidationException.class);
        assertThatThrownBy(() -> ConfigFile.load(Map.of("LEDGER_AUDIT_FULL_EVERY", "0")))
                .isInstanceOf(ConfigurationValidationException.class);
    }

    @Test
    void aKeyStartingWithAHashIsAKeyNotAComment() throws Exception {
        var config = ConfigFile.load(Map.of("ORGANIZER_API_KEYS", "#Zx81kQ, k2: x"));
        assertThat(config.getHttp().organizerApiKeys()).containsExactly(
                new OrganizerApiKey("default", "#Zx81kQ"), new OrganizerApiKey("k2", "x"));
    }

    @Test
    void organizerKeysNameTheirOrganizerUpToTheFirstColonAndABareKeyIsTheDefaults() throws Exception {
        var http = ConfigFile.load(Map.of("ORGANIZER_API_KEYS", "acme:k1, acme:k2,globex:a:b, bare",
                "ADMIN_API_KEYS", "root-1, root-2")).getHttp();
        assertThat(http.organizerApiKeys()).containsExactly(new OrganizerApiKey("acme", "k1"),
                new OrganizerApiKey("acme", "k2"), new OrganizerApiKey("globex", "a:b"),
                new OrganizerApiKey("default", "bare"));
        assertThat(http.adminApiKeys()).containsExactly("root-1", "root-2");
        assertThat(http.organizerApiKeys().toString()).as("keys are never printed").doesNotContain("k1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"acme:", ":key", "ac me:key", "*:key", "acme:k1,globex:k1", "k1,admin:k1"})
    void organizerKeysWithoutAKeyOrWithABadOrganizerOrTwiceRefuseToStart(String keys) {
        assertThatThrownBy(() -> ConfigFile.load(Map.of("ORGANIZER_API_KEYS", keys)))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("ORGANIZER_API_KEYS")
                .hasMessageNotContaining("k1");
    }

    @Test
    void aKeyThatIsBothAnOrganizersAndAnAdminsRefusesToStart() {
        assertThatThrownBy(() -> ConfigFile.load(Map.of("ORGANIZER_API_KEYS", "acme:same", "ADMIN_API_KEYS", "same")))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("ADMIN_API_KEYS");
        assertThatThrownBy(() -> ConfigFile.load(Map.of("ADMIN_API_KEYS", " , ")))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("ADMIN_API_KEYS");
    }

    @Test
    void redisSettingsAreTakenLiterally() throws Exception {
        var config = ConfigFile.load(Map.of("STORE", "redis", "REDIS_PASSWORD", "#s3cret: yes",
                "REDIS_URL", "redis://10.0.0.1:6380", "ADMISSION_TOKEN_KEY", TOKEN_KEY));
        var redis = ((RedisStoreFactory) config.getStore()).getRedis();
        assertThat(redis.getPassword()).isEqualTo("#s3cret: yes");
        assertThat(redis.describe()).isEqualTo("single Redis at redis://10.0.0.1:6380");
    }

    @Test
    void redissonRunsItsOwnNumberOfEventLoopsUnlessToldOtherwise() throws Exception {
        assertThat(nettyThreadsOfTheClient(Map.of())).isEqualTo(32);
        assertThat(nettyThreadsOfTheClient(Map.of("REDIS_NETTY_THREADS", "0")))
                .isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(nettyThreadsOfTheClient(Map.of("REDIS_NETTY_THREADS", "6"))).isEqualTo(6);
        assertThatThrownBy(() -> ConfigFile.load(Map.of("STORE", "redis", "ADMISSION_TOKEN_KEY", TOKEN_KEY,
                "REDIS_NETTY_THREADS", "-1")))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("nettyThreads");
    }

    /** Builds the client (lazily: it does not connect) and reads back the configuration it was given. */
    private static int nettyThreadsOfTheClient(Map<String, String> environment) throws Exception {
        var settings = new HashMap<>(environment);
        settings.putAll(Map.of("STORE", "redis", "ADMISSION_TOKEN_KEY", TOKEN_KEY));
        var client = ((RedisStoreFactory) ConfigFile.load(settings).getStore()).getRedis().build();
        try {
            return client.getConfig().getNettyThreads();
        } finally {
            client.shutdown();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCombinations")
    void aBadCombinationRefusesToStartNamingBothSettings(String why, Map<String, String> environment,
            String first, String second) {
        assertThatThrownBy(() -> ConfigFile.load(environment))
                .as(why)
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining(first)
                .hasMessageContaining(second);
    }

    static Stream<Arguments> badCombinations() {
        return Stream.of(
                Arguments.of("a lock lease as long as the lock wait",
                        Map.of("STORE", "redis", "LOCK_LEASE", "2 seconds", "STORE_TIMEOUT", "2 seconds"),
                        "LOCK_LEASE", "STORE_TIMEOUT"),
                Arguments.of("a default TTL below the client range",
                        Map.of("HOLD_TTL", "5 seconds"), "HOLD_TTL_MIN", "HOLD_TTL_MAX"),
                Arguments.of("a default TTL above the client range",
                        Map.of("HOLD_TTL", "20 minutes"), "HOLD_TTL_MIN", "HOLD_TTL_MAX"),
                Arguments.of("keys forgotten before the longest hold ends",
                        Map.of("IDEMPOTENCY_RETENTION", "10 minutes"), "IDEMPOTENCY_RETENTION", "HOLD_TTL_MAX"),
                Arguments.of("a longest lifetime shorter than one TTL",
                        Map.of("HOLD_MAX_LIFETIME", "10 minutes"), "HOLD_MAX_LIFETIME", "HOLD_TTL_MAX"),
                Arguments.of("a webhook lease that one slow delivery and its retry could outlast",
                        Map.of("WEBHOOK_LEASE", "20 seconds", "WEBHOOK_TIMEOUT", "10 seconds"), "WEBHOOK_LEASE",
                        "WEBHOOK_TIMEOUT"),
                Arguments.of("the Redis store without a key for admission tokens",
                        Map.of("STORE", "redis"), "ADMISSION_TOKEN_KEY", "STORE"),
                Arguments.of("finished holds forgotten before their keys",
                        Map.of("FINISHED_HOLD_RETENTION", "5 seconds"), "IDEMPOTENCY_RETENTION",
                        "FINISHED_HOLD_RETENTION"));
    }

    @Test
    void theLimitsOfEachCombinationAreAccepted() throws Exception {
        assertThat(ConfigFile.load(Map.of("STORE", "redis", "LOCK_LEASE", "1999 milliseconds",
                "HOLD_TTL", "15 minutes", "IDEMPOTENCY_RETENTION", "15 minutes", "FINISHED_HOLD_RETENTION", "15 minutes",
                "HOLD_MAX_LIFETIME", "15 minutes", "ADMISSION_TOKEN_KEY", TOKEN_KEY))
                .getHolds().policy().maxLifetime()).hasMinutes(15);
        assertThat(ConfigFile.load(Map.of("HOLD_TTL", "10 seconds")).getHolds().policy().defaultTtl()).hasSeconds(10);
    }

    @Test
    void organizerKeysThatAreSetButEmptyRefuseToStart() {
        assertThatThrownBy(() -> ConfigFile.load(Map.of("ORGANIZER_API_KEYS", " , ")))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("ORGANIZER_API_KEYS");
    }

    @Test
    void rateLimitsAreOffUnlessSetAndTakenFromTheEnvironment() throws Exception {
        assertThat(ConfigFile.load(Map.of()).getAdmission().getRateLimits().values()).containsOnlyNulls();
        var limits = ConfigFile.load(Map.of("RATE_LIMIT_PER_CLIENT", "10", "RATE_LIMIT_PER_ORGANIZER", "50"))
                .getAdmission().getRateLimits();
        assertThat(limits).containsEntry(boxoffice.ratelimit.RateLimit.CLIENT, 10)
                .containsEntry(boxoffice.ratelimit.RateLimit.ORGANIZER, 50);
    }

    @Test
    void theAdmissionTokenKeyIsTakenLiterallyAndMustBeLongEnough() throws Exception {
        assertThat(ConfigFile.load(Map.of("ADMISSION_TOKEN_KEY", TOKEN_KEY)).getAdmission().tokenKeys())
                .containsExactly(TOKEN_KEY);
        for (String weak : List.of("short", " , ")) {
            assertThatThrownBy(() -> ConfigFile.load(Map.of("ADMISSION_TOKEN_KEY", weak)))
                    .isInstanceOf(ConfigurationValidationException.class)
                    .hasMessageContaining("ADMISSION_TOKEN_KEY");
        }
    }

    @Test
    void badTrustedProxiesRefuseToStart() throws Exception {
        assertThat(ConfigFile.load(Map.of("TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.1")).getAdmission()
                .trustedProxies().isEmpty()).isFalse();
        assertThatThrownBy(() -> ConfigFile.load(Map.of("TRUSTED_PROXIES", "nginx")))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("TRUSTED_PROXIES");
    }
}
