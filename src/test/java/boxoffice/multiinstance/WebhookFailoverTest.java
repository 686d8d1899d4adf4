package boxoffice.multiinstance;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.testing.FleetTier;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.StandardWebhooksVerifier;
import boxoffice.testing.http.WebhookReceiver.Received;
import boxoffice.testing.http.WebhookReceiver;
import boxoffice.testing.process.Fleet;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one Redis share a webhook by lease. The instance sending it is killed (SIGKILL) mid-delivery; the
 * other takes the webhook on when the lease (5 s) runs out, from the cursor in Redis: every message is delivered, in
 * feed order, and only a message not yet acknowledged when the sender died may come twice (same webhook-id).
 */
@FleetTier
class WebhookFailoverTest {
    private static final String[] ORGANIZER = {"Authorization", "Bearer org-key-failover"};
    private static final int HOLDS = 20;
    private static Fleet fleet;

    @BeforeAll
    static void start() throws Exception {
        fleet = Fleet.start(2, Map.of(
                "ORGANIZER_API_KEYS", "org-key-failover",
                "WEBHOOK_ALLOW_HTTP", "true",
                "WEBHOOK_ALLOW_PRIVATE", "true",
                "WEBHOOK_TIMEOUT", "2 seconds",
                "WEBHOOK_LEASE", "5 seconds",
                "WEBHOOK_POLL_INTERVAL", "200 milliseconds",
                "WEBHOOK_RETRY_FIRST", "200 milliseconds",
                "WEBHOOK_RETRY_MAX_DELAY", "1 second"));
    }

    @AfterAll
    static void stop() throws Exception {
        fleet.close();
    }

    @Test
    void deliveryResumesOnTheOtherInstanceWhenTheSenderIsKilled() throws Exception {
        BoxOfficeSteps steps = new BoxOfficeSteps(fleet.api(0), ORGANIZER);
        String eventId = steps.newEventId(100);
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            receiver.delay(Duration.ofMillis(250)); // a slow receiver: the kill lands mid-delivery
            Resp created = fleet.api(0).post("/api/v1/webhooks", "{\"url\": \"" + receiver.url()
                    + "\", \"types\": [\"hold.created\"], \"event_id\": \"" + eventId + "\"}", ORGANIZER);
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            JsonNode webhook = created.json();
            for (int i = 0; i < HOLDS; i++) {
                new BoxOfficeSteps(fleet.api(i), ORGANIZER).hold(eventId, 1);
            }

            await(Duration.ofSeconds(20), () -> delivered(0, webhook) + delivered(1, webhook) >= 3);
            int sender = delivered(0, webhook) > 0 ? 0 : 1;
            int survivor = 1 - sender;
            fleet.instance(sender).kill();
            int acknowledgedAtKill = receiver.acknowledged().size();
            assertThat(acknowledgedAtKill).as("killed mid-delivery").isLessThan(HOLDS);

            await(Duration.ofSeconds(30), () -> receiver.acknowledged().size() == HOLDS);

            List<String> expected = new ArrayList<>();
            fleet.api(survivor).get("/api/v1/events/" + eventId + "/changes", ORGANIZER).json().get("changes")
                    .forEach(change -> {
                        if (change.get("type").asText().equals("hold.created")) {
                            expected.add("msg_" + eventId + "_" + change.get("seq").asLong());
                        }
                    });
            assertThat(receiver.acknowledged()).as("every message once acknowledged, in feed order")
                    .isEqualTo(expected);
            assertThat(delivered(survivor, webhook)).as("the survivor sent the rest").isPositive();
            List<Received> received = receiver.received();
            // The cursor is stored every 20 messages (WebhookPass): the survivor re-sends at most those since the
            // last store, plus the one in flight at the kill; every repeat carries its first send's webhook-id.
            assertThat(received.size() - HOLDS).as("repeats: at most what the killed sender had not stored yet")
                    .isLessThanOrEqualTo(20);
            assertThat(received.stream().map(Received::id).distinct().count()).isEqualTo(HOLDS);
            for (Received request : received) {
                assertThat(StandardWebhooksVerifier.verify(webhook.get("secret").asText(), request.id(),
                        request.timestamp(), request.body(), request.signature())).isTrue();
            }
            System.out.printf("webhook failover: %d of %d acknowledged at the kill, %d requests in all%n",
                    acknowledgedAtKill, HOLDS, received.size());
        }
    }

    private static int delivered(int instance, JsonNode webhook) {
        try {
            JsonNode counter = fleet.admin(instance).get("/metrics").json().get("counters")
                    .get("boxoffice.webhooks." + webhook.get("id").asText() + ".delivered");
            return counter == null ? 0 : counter.get("count").asInt();
        } catch (RuntimeException deadInstance) {
            return 0;
        }
    }

    private static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition not met within " + limit).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
