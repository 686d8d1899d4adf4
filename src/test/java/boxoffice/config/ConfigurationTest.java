package boxoffice.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.store.redis.RedisStoreFactory;
import boxoffice.testing.ConfigFile;
import io.dropwizard.configuration.ConfigurationValidationException;
import io.dropwizard.core.server.DefaultServerFactory;
import io.dropwizard.jetty.HttpConnectorFactory;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped config.yml read as at start-up: values from the environment, and the combinations it refuses. */
class ConfigurationTest {

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

    @Test
    void aKeyStartingWithAHashIsAKeyNotAComment() throws Exception {
        var config = ConfigFile.load(Map.of("ORGANIZER_API_KEYS", "#Zx81kQ, k2: x"));
        assertThat(config.getHttp().organizerApiKeys()).containsExactly("#Zx81kQ", "k2: x");
    }

    @Test
    void redisSettingsAreTakenLiterally() throws Exception {
        var config = ConfigFile.load(Map.of("STORE", "redis", "REDIS_PASSWORD", "#s3cret: yes",
                "REDIS_URL", "redis://10.0.0.1:6380"));
        var redis = ((RedisStoreFactory) config.getStore()).getRedis();
        assertThat(redis.getPassword()).isEqualTo("#s3cret: yes");
        assertThat(redis.describe()).isEqualTo("single Redis at redis://10.0.0.1:6380");
    }

    @Test
    void finishedHoldsMayNotBeForgottenBeforeTheirIdempotencyKeys() {
        assertThatThrownBy(() -> ConfigFile.load(Map.of("FINISHED_HOLD_RETENTION", "5 seconds")))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("IDEMPOTENCY_RETENTION")
                .hasMessageContaining("FINISHED_HOLD_RETENTION");
    }

    @Test
    void organizerKeysThatAreSetButEmptyRefuseToStart() {
        assertThatThrownBy(() -> ConfigFile.load(Map.of("ORGANIZER_API_KEYS", " , ")))
                .isInstanceOf(ConfigurationValidationException.class)
                .hasMessageContaining("ORGANIZER_API_KEYS");
    }
}
