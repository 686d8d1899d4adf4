package boxoffice.store.redis;

import boxoffice.domain.EventCounts;
import boxoffice.domain.SeatCounts;
import boxoffice.store.ledger.StoreFactory;
import boxoffice.store.ledger.Stores;
import boxoffice.testing.fixtures.EventFixtures;
import boxoffice.testing.fixtures.TestStores;
import boxoffice.testing.process.RedisProcess;
import com.codahale.metrics.Gauge;
import com.codahale.metrics.health.HealthCheck;
import io.dropwizard.configuration.YamlConfigurationFactory;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jackson.Jackson;
import io.dropwizard.jersey.validation.Validators;
import io.dropwizard.lifecycle.JettyManaged;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.eclipse.jetty.util.component.LifeCycle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;


/** The {@code store:} block of config.yml selects this factory, which wires the client into Dropwizard. */
@boxoffice.testing.RedisTier
class RedisStoreFactoryTest {
    private RedisProcess redis;
    private Environment environment;

    @BeforeEach
    void start() {
        redis = RedisProcess.startDurable();
        environment = new Environment("test");
    }

    @AfterEach
    void stop() throws Exception {
        List<LifeCycle> managed = environment.lifecycle().getManagedObjects();
        for (int i = managed.size() - 1; i >= 0; i--) {
            managed.get(i).stop();
        }
        redis.close();
    }

    @Test
    void buildsAWorkingStoreWithItsHealthCheckGaugeAndLifecycle(@TempDir Path dir) throws Exception {
        StoreFactory factory = parse(dir, """
                type: redis
                groupCommit: {enabled: true, maxBatchSize: 256, workers: 2, timeout: 2 seconds}
                redis:
                  mode: single
                  url: %s
                  nodes:
                  sentinelMaster: mymaster
                  password:
                  lockLease: 1 second
                  connectTimeout: 1 second
                  responseTimeout: 1 second
                """.formatted(redis.url()));
        assertThat(factory).isInstanceOf(RedisStoreFactory.class);
        assertThat(factory.describe()).contains("single Redis at " + redis.url());

        Stores stores = factory.build(environment, TestStores.RETENTIONS);
        for (LifeCycle managed : environment.lifecycle().getManagedObjects()) {
            managed.start();
        }

        var event = stores.ledger().createEvent(EventFixtures.event(4, RedisTestStores.now()));
        assertThat(stores.reads().counts(event.id(), event.createdAt()).map(EventCounts::total))
                .contains(SeatCounts.fresh(4));
        HealthCheck.Result health = environment.healthChecks().runHealthCheck("redis");
        assertThat(health.isHealthy()).isTrue();
        assertThat(health.getMessage()).contains("ping").contains("aof_enabled=1");
        assertThat(((Gauge<?>) environment.metrics().getGauges().get("boxoffice.store.up")).getValue()).isEqualTo(1);
        assertThat(indexOf("RedissonLifecycle")).isNotNegative().isLessThan(indexOf("group-commit"));
    }

    /**
     * Where a managed object sits in registration order, found by its description. Dropwizard stops them in reverse
     * order, so the client registered before the batch workers closes after them.
     */
    private int indexOf(String description) {
        List<String> managed = environment.lifecycle().getManagedObjects().stream()
                .map(lifeCycle -> ((JettyManaged) lifeCycle).getManaged().toString())
                .toList();
        return IntStream.range(0, managed.size())
                .filter(i -> managed.get(i).contains(description))
                .findFirst()
                .orElse(-1);
    }

    private static StoreFactory parse(Path dir, String yaml) throws Exception {
        Path file = dir.resolve("store.yml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return new YamlConfigurationFactory<>(StoreFactory.class, Validators.newValidator(),
                Jackson.newObjectMapper(), "dw").build(file.toFile());
    }
}
