package boxoffice.resources;

import static io.dropwizard.testing.ConfigOverride.config;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.http.StandardWebhooksVerifier;
import boxoffice.testing.http.WebhookReceiver.Received;
import boxoffice.testing.http.WebhookReceiver;
import boxoffice.testing.process.BoxOfficeTestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhooks delivered through real HTTP to a JDK HTTP server, on the embedded store, with retries in fractions of a
 * second (WEBHOOK_RETRY_FOR 4 s): signatures checked by the test's own reading of the Standard Webhooks
 * specification, a receiver that is down, then answers 500, then 200 (every message delivered, in feed order, none
 * lost, a repeat only of a message not yet acknowledged), and a message that dies, turns health red meanwhile, and
 * is replayed by the redeliver task.
 */
class WebhookDeliveryTest {
    private static final String KEY = "org-key-delivery";
    private static final String[] ORGANIZER = {"Authorization", "Bearer " + KEY};

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP = BoxOfficeTestApp.createOnSystemClock(
            BoxOfficeTestApp.organizerKeys(KEY),
            config("webhooks.allowHttp", "true"),
            config("webhooks.allowPrivate", "true"),
            config("webhooks.retryFirst", "100 milliseconds"),
            config("webhooks.retryMaxDelay", "500 milliseconds"),
            config("webhooks.retryFor", "4 seconds"),
            config("webhooks.pollInterval", "100 milliseconds"),
            config("webhooks.lagThreshold", "2 seconds"));

    private HttpTestClient api;
    private HttpTestClient admin;
    private BoxOfficeSteps steps;

    @BeforeEach
    void clients() {
        api = BoxOfficeTestApp.api(APP);
        admin = BoxOfficeTestApp.admin(APP);
        steps = new BoxOfficeSteps(api, ORGANIZER);
    }

    private JsonNode subscribe(String url, String eventId, String types) {
        Resp created = api.post("/api/v1/webhooks", "{\"url\": \"" + url + "\", \"types\": " + types
                + ", \"event_id\": \"" + eventId + "\"}", ORGANIZER);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** The message ids the event's feed says the webhook must get, in feed order. */
    private List<String> expectedIds(String eventId, List<String> types) {
        JsonNode page = api.get("/api/v1/events/" + eventId + "/changes", ORGANIZER).json();
        List<String> ids = new ArrayList<>();
        page.get("changes").forEach(change -> {
            if (types.contains(change.get("type").asText())) {
                ids.add("msg_" + eventId + "_" + change.get("seq").asLong());
            }
        });
        return ids;
    }

    @Test
    void aReceiverDownThenFailingThenUpGetsEveryMessageInOrderSigned() throws Exception {
        String eventId = steps.newEventId(20);
        try (WebhookReceiver receiver = WebhookReceiver.down()) {
            JsonNode webhook = subscribe(receiver.url(), eventId, "[\"hold.created\", \"booking.created\"]");
            for (int i = 0; i < 3; i++) {
                JsonNode hold = steps.hold(eventId, 2);
                if (i == 1) {
                    assertThat(steps.book(hold).status()).isEqualTo(201);
                }
            }
            List<String> expected = expectedIds(eventId, List.of("hold.created", "booking.created"));
            assertThat(expected).hasSize(4);

            Thread.sleep(800);                 // down: connections refused
            receiver.answer(500);
            receiver.start();
            await(Duration.ofSeconds(10), () -> receiver.received().size() >= 2);
            receiver.answer(200);
            await(Duration.ofSeconds(15), () -> receiver.acknowledged().size() == expected.size());

            List<Received> received = receiver.received();
            assertThat(receiver.acknowledged()).as("every message, in feed order").isEqualTo(expected);
            assertThat(received).as("some tries failed with 500").anyMatch(r -> r.answered() == 500);
            assertInFeedOrderAndRepeatedOnlyUntilAcknowledged(received);
            Map<String, String> bodies = new HashMap<>();
            for (Received request : received) {
                assertThat(StandardWebhooksVerifier.verify(webhook.get("secret").asText(), request.id(),
                        request.timestamp(), request.body(), request.signature())).as(request.toString()).isTrue();
                assertThat(bodies.computeIfAbsent(request.id(), id -> request.body()))
                        .as("a retry sends the same message").isEqualTo(request.body());
            }
            JsonNode first = HttpTestClient.JSON.readTree(bodies.get(expected.get(0)));
            assertThat(first.get("type").asText()).isEqualTo("hold.created");
            assertThat(Instant.parse(first.get("timestamp").asText())).isNotNull();
            assertThat(first.get("data").get("event_id").asText()).isEqualTo(eventId);
            assertThat(first.get("data").get("seq").asLong()).isEqualTo(2);
            assertThat(String.join("", bodies.values())).doesNotContain("payment_token").doesNotContain("pt_");

            JsonNode counters = admin.get("/metrics").json().get("counters");
            String prefix = "boxoffice.webhooks." + webhook.get("id").asText() + ".";
            assertThat(counters.get(prefix + "delivered").get("count").asLong()).isEqualTo(4);
            assertThat(counters.get(prefix + "failed").get("count").asLong()).isPositive();
            assertThat(counters.get(prefix + "retries").get("count").asLong()).isPositive();
        }
    }

    /** A later message is never sent before an earlier one is acknowledged; nothing is sent again once it was. */
    private static void assertInFeedOrderAndRepeatedOnlyUntilAcknowledged(List<Received> received) {
        long highest = 0;
        List<String> done = new ArrayList<>();
        for (Received request : received) {
            long seq = Long.parseLong(request.id().substring(request.id().lastIndexOf('_') + 1));
            assertThat(seq).as("feed order").isGreaterThanOrEqualTo(highest);
            assertThat(done).as("no repeat after a 2xx").doesNotContain(request.id());
            highest = seq;
            if (request.answered() / 100 == 2) {
                done.add(request.id());
            }
        }
    }

    @Test
    void aMessageFailingPastTheWindowDiesTurnsHealthRedAndIsReplayedByTheTask() throws Exception {
        String eventId = steps.newEventId(20);
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            receiver.answer(500);
            JsonNode webhook = subscribe(receiver.url(), eventId, "[\"hold.created\"]");
            String id = webhook.get("id").asText();
            steps.hold(eventId, 1);
            String messageId = expectedIds(eventId, List.of("hold.created")).get(0);

            await(Duration.ofSeconds(10), () -> !webhooksHealthy());
            await(Duration.ofSeconds(15), () -> counter(id, "dead") == 1);
            await(Duration.ofSeconds(10), this::webhooksHealthy);
            assertThat(receiver.acknowledged()).isEmpty();

            receiver.answer(200);
            Resp replay = admin.post("/tasks/redeliver-webhooks?webhook_id=" + id, "");
            assertThat(replay.status()).as(replay.toString()).isEqualTo(200);
            assertThat(replay.body()).contains("redelivered 1 of 1");
            assertThat(receiver.acknowledged()).containsExactly(messageId);
            Received replayed = receiver.received().get(receiver.received().size() - 1);
            assertThat(StandardWebhooksVerifier.verify(webhook.get("secret").asText(), replayed.id(),
                    replayed.timestamp(), replayed.body(), replayed.signature())).isTrue();
            assertThat(admin.post("/tasks/redeliver-webhooks?webhook_id=" + id, "").body())
                    .contains("redelivered 0 of 0");
        }
        assertThat(admin.post("/tasks/redeliver-webhooks?webhook_id=wh_00000000000000000000000000000000", "")
                .status()).isEqualTo(404);
        assertThat(admin.post("/tasks/redeliver-webhooks", "").status()).isEqualTo(400);
    }

    @Test
    void aDeletedWebhookIsSentNothingMore() throws Exception {
        String eventId = steps.newEventId(20);
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            JsonNode webhook = subscribe(receiver.url(), eventId, "[\"hold.created\"]");
            steps.hold(eventId, 1);
            await(Duration.ofSeconds(10), () -> receiver.acknowledged().size() == 1);
            assertThat(api.send("DELETE", "/api/v1/webhooks/" + webhook.get("id").asText(),
                    HttpRequest.BodyPublishers.noBody(), ORGANIZER).status()).isEqualTo(200);
            steps.hold(eventId, 1);
            Thread.sleep(1000); // ten dispatcher passes
            assertThat(receiver.received()).hasSize(1);
        }
    }

    private boolean webhooksHealthy() {
        JsonNode checks = admin.get("/healthcheck").json();
        return checks.get("webhooks").get("healthy").asBoolean();
    }

    private long counter(String webhookId, String name) {
        JsonNode counter = admin.get("/metrics").json().get("counters")
                .get("boxoffice.webhooks." + webhookId + "." + name);
        return counter == null ? 0 : counter.get("count").asLong();
    }

    private static void await(Duration limit, BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition not met within " + limit).isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
