package boxoffice.multiinstance;

import static boxoffice.testing.http.HttpTestClient.obj;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.testing.FleetTier;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.AppProcess;
import boxoffice.testing.process.RedisProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Redis stalls (SIGSTOP: connections stay open, nothing answers). Every kind of request, including those that call
 * Redis more than once (a hold with an Idempotency-Key claims the key, then holds), is answered 503 within one
 * STORE_TIMEOUT, as the docs promise; when Redis comes back, the service works again without a restart.
 */
@FleetTier
class RedisStallTest {
    private static final Duration STORE_TIMEOUT = Duration.ofMillis(1500);
    /** Time for the answer to travel and the client to notice it, on a busy two-core machine. */
    private static final Duration SLACK = Duration.ofMillis(500);
    private static final String EVENT_READ = "event read";

    @Test
    void everyRequestIsAnsweredWithinOneStoreTimeoutWhileRedisStalls() throws Exception {
        try (RedisProcess redis = RedisProcess.startDurable();
                AppProcess app = AppProcess.start(Map.of("STORE", "redis", "REDIS_URL", redis.url(),
                        "STORE_TIMEOUT", STORE_TIMEOUT.toMillis() + " milliseconds"))) {
            HttpTestClient api = new HttpTestClient(app.api().toString());
            BoxOfficeSteps steps = new BoxOfficeSteps(api);
            String eventId = steps.newEventId(100);
            JsonNode hold = steps.hold(eventId, 1);
            ExecutorService clients = Executors.newFixedThreadPool(8);

            redis.pause();
            List<Future<Timed>> answers = new ArrayList<>();
            requests(api.fresh(), eventId, hold).forEach((name, request) ->
                    answers.add(clients.submit(() -> Timed.of(name, request))));
            List<Timed> timed = new ArrayList<>();
            for (Future<Timed> answer : answers) {
                timed.add(answer.get());
            }
            redis.resume();
            clients.shutdown();

            for (Timed answer : timed) {
                assertThat(answer.took()).as(answer.toString()).isLessThan(STORE_TIMEOUT.plus(SLACK));
                if (answer.request().equals(EVENT_READ)) {
                    assertThat(answer.response().status()).as("an event never changes: the instance's copy serves it")
                            .isEqualTo(200);
                    continue;
                }
                answer.response().assertError(503, "STORE_UNAVAILABLE");
                assertThat(answer.response().header("Retry-After")).isPresent();
            }
            assertThat(awaitHold(steps, eventId).status()).isEqualTo(201);
        }
    }

    private static Map<String, Callable<Resp>> requests(HttpTestClient api, String eventId, JsonNode hold) {
        String key = UUID.randomUUID().toString();
        BoxOfficeSteps steps = new BoxOfficeSteps(api);
        Map<String, Callable<Resp>> requests = new LinkedHashMap<>();
        requests.put("hold with a key",
                () -> api.post("/api/v1/holds", obj("event_id", eventId, "qty", 1), "Idempotency-Key", key));
        requests.put("hold", () -> api.post("/api/v1/holds", obj("event_id", eventId, "qty", 1)));
        requests.put("event with a key", () -> api.post("/api/v1/events", obj("name", "Stall", "total_seats", 5),
                "Idempotency-Key", UUID.randomUUID().toString()));
        requests.put("book", () -> steps.book(hold));
        requests.put("status", () -> api.get("/api/v1/events/" + eventId + "/status"));
        requests.put(EVENT_READ, () -> api.get("/api/v1/events/" + eventId));
        requests.put("hold read", () -> api.get("/api/v1/holds/" + hold.get("hold_id").asText()));
        requests.put("metrics", () -> api.get("/api/v1/metrics"));
        return requests;
    }

    private static Resp awaitHold(BoxOfficeSteps steps, String eventId) throws InterruptedException {
        Resp answer = steps.tryHold(eventId, 1);
        for (int attempt = 0; attempt < 100 && answer.status() == 503; attempt++) {
            Thread.sleep(100);
            answer = steps.tryHold(eventId, 1);
        }
        return answer;
    }

    private record Timed(String request, Resp response, Duration took) {
        static Timed of(String name, Callable<Resp> request) throws Exception {
            long start = System.nanoTime();
            Resp response = request.call();
            return new Timed(name, response, Duration.ofNanos(System.nanoTime() - start));
        }
    }
}
