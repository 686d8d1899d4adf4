package boxoffice.multiinstance;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.testing.ApiClient;
import boxoffice.testing.AppProcess;
import boxoffice.testing.RedisProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three real service processes on one real Redis, requests spread over all three, as behind a load balancer: no
 * seat is sold twice or beyond the total, whichever instance answers.
 */
class ThreeInstancesTest {
    private static final int SEATS = 100;
    private static final int HOLD_REQUESTS = 1_500;

    private static RedisProcess redis;
    private static final List<AppProcess> instances = new ArrayList<>();
    private static final List<ApiClient> clients = new ArrayList<>();
    private static ExecutorService pool;

    @BeforeAll
    static void startInstances() throws Exception {
        redis = RedisProcess.startDurable();
        for (int i = 0; i < 3; i++) {
            AppProcess app = AppProcess.start(Map.of("STORE", "redis", "REDIS_URL", redis.url()));
            instances.add(app);
            clients.add(new ApiClient(app.api()));
        }
        pool = Executors.newFixedThreadPool(48);
    }

    @AfterAll
    static void stopInstances() throws Exception {
        pool.shutdownNow();
        for (AppProcess app : instances) {
            app.close();
        }
        redis.close();
    }

    @Test
    void concurrentHoldsBooksAndReleasesAcrossInstancesAddUpExactly() throws Exception {
        String eventId = clients.get(0).createEvent("three instances", SEATS);

        List<ApiClient.Answer> answers = runAll(HOLD_REQUESTS, i -> clients.get(i % 3).hold(eventId, 1 + i % 3));

        assertThat(answers).extracting(ApiClient.Answer::status).containsOnly(201, 409);
        List<JsonNode> granted = answers.stream().filter(a -> a.status() == 201).map(ApiClient.Answer::body).toList();
        assertThat(granted.stream().mapToInt(hold -> hold.path("qty").asInt()).sum()).isEqualTo(SEATS);
        for (ApiClient client : clients) {
            assertThat(counts(client.status(eventId))).containsExactly(SEATS, 0, SEATS, 0);
        }

        // Book two holds in three, each twice on two different instances; release the rest from a third one.
        Map<String, Set<String>> bookingsByHold = new ConcurrentHashMap<>();
        List<ApiClient.Answer> books = runAll(granted.size() * 2, i -> {
            JsonNode hold = granted.get(i / 2);
            int n = i / 2;
            if (n % 3 == 2) {
                return clients.get(i % 3).release(hold.path("hold_id").asText(), hold.path("payment_token").asText());
            }
            ApiClient.Answer answer =
                    clients.get((n + i) % 3).book(hold.path("hold_id").asText(), hold.path("payment_token").asText());
            if (answer.status() == 201) {
                bookingsByHold.computeIfAbsent(hold.path("hold_id").asText(), id -> ConcurrentHashMap.newKeySet())
                        .add(answer.text("booking_id"));
            }
            return answer;
        });

        assertThat(books).extracting(ApiClient.Answer::status).containsOnly(200, 201);
        int bookedSeats = 0;
        int releasedSeats = 0;
        for (int n = 0; n < granted.size(); n++) {
            String holdId = granted.get(n).path("hold_id").asText();
            int qty = granted.get(n).path("qty").asInt();
            if (n % 3 == 2) {
                releasedSeats += qty;
                assertThat(clients.get(n % 3).get("/api/v1/holds/" + holdId).text("status")).isEqualTo("expired");
            } else {
                bookedSeats += qty;
                assertThat(bookingsByHold.get(holdId)).as("one booking for hold " + holdId).hasSize(1);
            }
        }
        for (ApiClient client : clients) {
            assertThat(counts(client.status(eventId))).containsExactly(SEATS, releasedSeats, 0, bookedSeats);
        }
    }

    private static List<Integer> counts(JsonNode status) {
        return List.of(status.path("total").asInt(), status.path("available").asInt(), status.path("held").asInt(),
                status.path("booked").asInt());
    }

    /** Runs {@code count} requests on the pool, all at once, and returns their answers in order. */
    private static List<ApiClient.Answer> runAll(int count, Request request) throws Exception {
        List<Future<ApiClient.Answer>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int index = i;
            futures.add(pool.submit((Callable<ApiClient.Answer>) () -> request.send(index)));
        }
        List<ApiClient.Answer> answers = new ArrayList<>();
        for (Future<ApiClient.Answer> future : futures) {
            answers.add(future.get());
        }
        return answers;
    }

    @FunctionalInterface
    interface Request {
        ApiClient.Answer send(int index);
    }
}
