package boxoffice.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.testing.FleetTier;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.AppProcess;
import boxoffice.testing.process.RedisProcess;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * WARMUP=true on Redis: the instance answers not ready while it warms up, then ready; its warm-up left nothing in
 * the shared Redis (the same keys as an instance that never warmed up), nothing in the sales figures; a request that
 * carries the warm-up header without the process's secret is an ordinary request on the shared store.
 */
@FleetTier
class WarmupProcessTest {
    private static final Map<String, String> WARM = Map.of(
            "STORE", "redis", "WARMUP", "true", "WARMUP_MIN_DURATION", "3 seconds",
            "WARMUP_MAX_DURATION", "6 seconds", "WARMUP_CONNECTIONS", "4");

    @Test
    void notReadyWhileWarmingUpThenReadyWithNothingInTheSharedStore() throws Exception {
        try (RedisProcess redis = RedisProcess.start()) {
            Set<String> keysOfAColdInstance;
            // organizer keys and a rate limit as in production: the warm-up must pass both, and spend nobody's tokens
            Map<String, String> production = Map.of("ORGANIZER_API_KEYS", "organizer-key-1",
                    "RATE_LIMIT_PER_CLIENT", "5");
            try (AppProcess cold = AppProcess.start(with(redis, with(production, "WARMUP", "false")))) {
                assertThat(awaitReady(new HttpTestClient(cold.api().toString()), Duration.ofSeconds(10))).isNotEmpty();
                keysOfAColdInstance = keys(redis);
            }
            try (AppProcess app = AppProcess.start(with(redis, production))) {
                HttpTestClient api = new HttpTestClient(app.api().toString());
                List<Integer> answers = awaitReady(api, Duration.ofSeconds(40));

                assertThat(answers).as("not ready first, ready at last").startsWith(503).endsWith(200);
                String warmup = new HttpTestClient(app.admin().toString()).get("/healthcheck").json()
                        .path("warmup").path("message").asText();
                assertThat(warmup).as("every hot path answered in the scratch store")
                        .matches("warmed up in \\d+ ms, [1-9]\\d* requests \\(0 failed\\).*");
                assertThat(keys(redis)).as("no scratch event, hold or booking in the shared Redis")
                        .isEqualTo(keysOfAColdInstance);
                Resp metrics = api.get("/api/v1/metrics");
                assertThat(metrics.json().path("total_events").asLong()).as(metrics.toString()).isZero();
                assertThat(metrics.json().path("holds_created_total").asLong()).isZero();
                assertThat(metrics.json().path("total_bookings").asLong()).isZero();
                String prometheus = new HttpTestClient(app.admin().toString()).get("/prometheus").body();
                assertThat(prometheus).doesNotContainPattern("(?m)^boxoffice_holds_placed_total [1-9]");
            }
        }
    }

    @Test
    void aRequestCarryingTheHeaderWithoutTheSecretUsesTheSharedStore() throws Exception {
        try (RedisProcess redis = RedisProcess.start();
                AppProcess app = AppProcess.start(with(redis, Map.of("WARMUP_MIN_DURATION", "20 seconds",
                        "WARMUP_MAX_DURATION", "30 seconds")))) {
            HttpTestClient api = new HttpTestClient(app.api().toString());
            Set<String> before = keys(redis);
            Resp created = api.post("/api/v1/events", "{\"name\": \"outsider\", \"total_seats\": 5}",
                    "Content-Type", "application/json", WarmupGate.HEADER, "guessed-secret");

            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String eventId = created.json().path("event_id").asText();
            assertThat(api.get("/health-check?type=ready").status()).as("still warming up").isEqualTo(503);
            assertThat(api.get("/api/v1/events/" + eventId).status()).isEqualTo(200);
            assertThat(api.get("/api/v1/metrics").json().path("total_events").asLong())
                    .as("the event is in the shared store").isEqualTo(1);
            assertThat(keys(redis)).as("the event's keys in the shared Redis").isNotEqualTo(before);
        }
    }

    private static Map<String, String> with(Map<String, String> settings, String name, String value) {
        Map<String, String> env = new java.util.HashMap<>(settings);
        env.put(name, value);
        return env;
    }

    private static Map<String, String> with(RedisProcess redis, Map<String, String> overrides) {
        Map<String, String> env = new java.util.HashMap<>(WARM);
        env.put("REDIS_URL", redis.url());
        env.putAll(overrides);
        return env;
    }

    /** Polls readiness until it answers 200; the answers seen, in order. */
    private static List<Integer> awaitReady(HttpTestClient api, Duration timeout) throws InterruptedException {
        List<Integer> answers = new ArrayList<>();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            int status = api.get("/health-check?type=ready").status();
            answers.add(status);
            if (status == 200) {
                return answers;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("not ready within " + timeout + ": " + answers);
    }

    private static Set<String> keys(RedisProcess redis) {
        Set<String> keys = new TreeSet<>();
        try (Jedis jedis = redis.jedis()) {
            String cursor = ScanParams.SCAN_POINTER_START;
            do {
                ScanResult<String> page = jedis.scan(cursor, new ScanParams().count(1000));
                keys.addAll(page.getResult());
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
        return keys;
    }
}
