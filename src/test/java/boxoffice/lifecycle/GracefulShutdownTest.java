package boxoffice.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.testing.FleetTier;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.AppProcess;
import boxoffice.testing.process.RedisProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;

/**
 * SIGTERM under load on the Redis store: the instance finishes the requests it is running, answers requests that
 * arrive during the shutdown with a JSON 503 (retry elsewhere, nothing was done), refuses new connections once
 * stopped, and exits cleanly. No request is cut off mid-way, and Redis holds exactly the seats that were answered 201.
 */
@FleetTier
class GracefulShutdownTest {
    private static final int CLIENTS = 16;

    @Test
    void sigtermFinishesEveryAcceptedRequest() throws Exception {
        try (RedisProcess redis = RedisProcess.startDurable()) {
            sigtermUnderLoad(redis);
        }
    }

    private static void sigtermUnderLoad(RedisProcess redis) throws Exception {
        AppProcess app = AppProcess.start(Map.of("STORE", "redis", "REDIS_URL", redis.url()));
        String eventId = new BoxOfficeSteps(new HttpTestClient(app.api().toString())).newEventId(1_000_000);
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger turnedAway = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<String> cutOff = new ConcurrentLinkedQueue<>();
        CountDownLatch loadRunning = new CountDownLatch(CLIENTS * 20);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            running.add(clients.submit(() -> {
                while (true) {
                    try {
                        int status = postHold(app.api(), eventId);
                        assertThat(status).isIn(201, 503);
                        if (status == 503) {
                            turnedAway.incrementAndGet();
                            continue;
                        }
                        answered.incrementAndGet();
                        loadRunning.countDown();
                    } catch (ConnectException stopped) {
                        refused.incrementAndGet();
                        return null;
                    } catch (IOException e) {
                        cutOff.add(e.toString());
                        return null;
                    }
                }
            }));
        }
        loadRunning.await();

        int exitCode = app.terminate(Duration.ofSeconds(30));

        for (Future<?> client : running) {
            client.get();
        }
        clients.shutdown();
        assertThat(cutOff).as("requests cut off mid-way").isEmpty();
        assertThat(refused.get()).as("every client ends at a refused connection").isEqualTo(CLIENTS);
        assertThat(answered.get()).isGreaterThanOrEqualTo(CLIENTS * 20);
        assertThat(exitCode).as("exit code after SIGTERM; log:\n" + app.log()).isIn(0, 143);
        try (Jedis jedis = redis.jedis()) {
            // The Redis store's key layout: an event's counters live in bo:{<shard>}:e:<event id>.
            String eventKey = jedis.keys("bo:{*}:e:" + eventId).iterator().next();
            assertThat(jedis.hget(eventKey, "held"))
                    .as("seats held in Redis == holds answered 201").isEqualTo(Integer.toString(answered.get()));
        }
    }

    /** One request on its own connection, so a refusal can only mean the server no longer accepts. */
    private static int postHold(URI api, String eventId) throws IOException {
        HttpURLConnection connection = (HttpURLConnection) api.resolve("/api/v1/holds").toURL().openConnection();
        connection.setRequestMethod("POST");
        connection.setRequestProperty("Content-Type", "application/json");
        connection.setRequestProperty("Connection", "close");
        connection.setConnectTimeout(2_000);
        connection.setReadTimeout(20_000);
        connection.setDoOutput(true);
        connection.connect();
        try (OutputStream body = connection.getOutputStream()) {
            body.write(("{\"event_id\": \"" + eventId + "\", \"qty\": 1}").getBytes(StandardCharsets.UTF_8));
        }
        int status = connection.getResponseCode();
        try (InputStream answer = status < 400 ? connection.getInputStream() : connection.getErrorStream()) {
            String body = new String(answer.readAllBytes(), StandardCharsets.UTF_8);
            if (status >= 400) {
                assertThat(body).as("an error answer is JSON").contains("\"error_code\"");
            }
        }
        connection.disconnect();
        return status;
    }
}
