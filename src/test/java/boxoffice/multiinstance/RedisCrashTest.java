package boxoffice.multiinstance;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.testing.FleetTier;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.AppProcess;
import boxoffice.testing.process.RedisProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of Redis (AOF, fsync always) under booking load, then a restart on the same directory: during the
 * outage the API answers 503 fast and the instance stays ready, afterwards it serves again by itself, and every
 * booking it acknowledged is there.
 */
@FleetTier
class RedisCrashTest {

    @Test
    void acknowledgedBookingsSurviveARedisCrash() throws Exception {
        try (RedisProcess redis = RedisProcess.startDurable();
                AppProcess app = AppProcess.start(Map.of("STORE", "redis", "REDIS_URL", redis.url()))) {
            HttpTestClient client = new HttpTestClient(app.api().toString());
            BoxOfficeSteps steps = new BoxOfficeSteps(client);
            String eventId = steps.newEventId(100_000);

            List<LoadLoop.Outcome> outcomes;
            try (LoadLoop load = new LoadLoop(8, i -> holdAndBook(steps, eventId))) {
                Thread.sleep(1_500);
                redis.kill();
                Thread.sleep(3_000);
                assertReadyWhileRedisIsAway(client, new HttpTestClient(app.admin().toString()));
                redis.restart();
                awaitRecovery(client, eventId);
                Thread.sleep(1_000);
                outcomes = load.stop();
            }

            assertThat(outcomes).as("every request got an HTTP answer").allSatisfy(o -> assertThat(o.failure()).isNull());
            List<Resp> answers = outcomes.stream().map(LoadLoop.Outcome::answer).toList();
            assertThat(answers).extracting(Resp::status).isSubsetOf(201, 409, 503);
            assertThat(answers).extracting(Resp::status).contains(201, 503);
            assertThat(outcomes).filteredOn(o -> o.answer().status() == 503)
                    .allSatisfy(o -> assertThat(o.took()).isLessThan(Duration.ofMillis(2_500)));

            List<String> acknowledged = answers.stream()
                    .filter(a -> a.status() == 201 && a.json().has("booking_id"))
                    .map(a -> a.json().path("booking_id").asText()).toList();
            assertThat(acknowledged).hasSizeGreaterThan(20);
            for (String bookingId : acknowledged) {
                assertThat(client.get("/api/v1/bookings/" + bookingId).status()).as(bookingId).isEqualTo(200);
            }
            var status = steps.status(eventId);
            assertThat(status.path("available").asInt() + status.path("held").asInt() + status.path("booked").asInt())
                    .isEqualTo(100_000);
            assertThat(status.path("booked").asInt()).isGreaterThanOrEqualTo(acknowledged.size());
            assertThat(InstanceCrashTest.verifyLedger(app.admin())).contains("0 drifted");
        }
    }

    /**
     * The instance stays in a load balancer's rotation (its own 503s are the fast answer), while the admin port's
     * /healthcheck reports Redis down.
     */
    private static void assertReadyWhileRedisIsAway(HttpTestClient api, HttpTestClient admin) {
        assertThat(api.get("/health-check?type=ready").status()).isEqualTo(200);
        Resp health = admin.get("/healthcheck");
        assertThat(health.status()).as(health.toString()).isEqualTo(500);
        assertThat(health.json().path("redis").path("healthy").asBoolean(true)).as(health.toString()).isFalse();
    }

    /** Holds one seat and books it; returns the booking answer, or the hold's answer when the hold failed. */
    private static Resp holdAndBook(BoxOfficeSteps steps, String eventId) {
        Resp hold = steps.tryHold(eventId, 1);
        return hold.status() == 201 ? steps.book(hold.json()) : hold;
    }

    private static void awaitRecovery(HttpTestClient client, String eventId) throws InterruptedException {
        for (int attempt = 0; attempt < 100; attempt++) {
            if (client.get("/api/v1/events/" + eventId + "/status").status() == 200) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the service did not recover within 10 s of Redis coming back");
    }
}
