package boxoffice.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import boxoffice.store.redis.RedisStoreFactory;
import boxoffice.testing.ConfigFile;
import io.dropwizard.configuration.ConfigurationValidationException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped config.yml read as at start-up: values from the environment, and the combinations it refuses. */
class ConfigurationTest {

    @Test
    void theDefaultsAreValid() throws Exception {
        assertThat(ConfigFile.load(Map.of()).getHttp().organizerApiKeys()).isEmpty();
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
