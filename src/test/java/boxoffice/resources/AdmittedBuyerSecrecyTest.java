package boxoffice.resources;

import static boxoffice.testing.http.HttpTestClient.obj;
import static io.dropwizard.testing.ConfigOverride.config;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.domain.Ids;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.http.WaitingRoomSteps;
import boxoffice.testing.http.WebhookReceiver;
import boxoffice.testing.process.BoxOfficeTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 27: a queue id is its joiner's admission credential ({@code GET /queue/{id}} answers with the admission
 * token), yet an admitted buyer's holds carried it as {@code customer_id}, for anyone with a hold or booking id, the
 * feed, webhooks and the access log to see. Through real HTTP, with the access log written to a file.
 */
class AdmittedBuyerSecrecyTest {
    private static final String KEY = "org-key-admitted-buyers";
    private static final String[] ORGANIZER = {"Authorization", "Bearer " + KEY};
    private static final Path ACCESS_LOG = accessLogFile();

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP = BoxOfficeTestApp.createOnSystemClock(
            BoxOfficeTestApp.organizerKeys(KEY),
            config("admission.tokenKey", "a-token-key-of-at-least-thirty-two-bytes"),
            config("webhooks.allowHttp", "true"),
            config("webhooks.allowPrivate", "true"),
            config("webhooks.pollInterval", "100 milliseconds"),
            config("server.requestLog.appenders[0].type", "file"),
            config("server.requestLog.appenders[0].currentLogFilename", ACCESS_LOG.toString()),
            config("server.requestLog.appenders[0].archive", "false"));

    private HttpTestClient api;
    private WaitingRoomSteps room;

    @BeforeEach
    void clients() {
        api = BoxOfficeTestApp.api(APP);
        room = new WaitingRoomSteps(api);
    }

    private static Path accessLogFile() {
        try {
            return Files.createTempDirectory("access-log").resolve("access.log");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anAdmittedBuyerIsNamedByAnIdThatGrantsNothingAndTheQueueIdIsShownNowhereElse() throws Exception {
        Resp created = api.post("/api/v1/events", obj("name", "Flash sale", "total_seats", 100, "max_per_customer", 4,
                "admission", obj("rate_per_minute", 60)), ORGANIZER);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String eventId = created.json().get("event_id").asText();
        try (WebhookReceiver receiver = WebhookReceiver.up()) {
            Resp webhook = api.post("/api/v1/webhooks", obj("url", receiver.url(), "event_id", eventId,
                    "types", List.of("hold.created", "booking.created")), ORGANIZER);
            assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
            String queueId = room.join(eventId).get("queue_id").asText();
            String secret = Ids.suffixOf(queueId);
            String token = room.entry(queueId).get("admission_token").asText();

            Resp held = room.tryHold(eventId, 3, token);
            assertThat(held.status()).as(held.toString()).isEqualTo(201);
            String customerId = held.json().get("customer_id").asText();
            Resp booked = new BoxOfficeSteps(api).book(held.json());
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);

            assertThat(customerId).startsWith("admitted_").doesNotContain(secret);
            assertThat(room.tryHold(eventId, 2, token).json().get("used").asInt())
                    .as("the same buyer, whose limit still counts").isEqualTo(3);
            assertThat(room.tryHold(eventId, 1, token).json().get("customer_id").asText()).isEqualTo(customerId);
            String hold = api.get("/api/v1/holds/" + held.json().get("hold_id").asText()).body();
            String booking = api.get("/api/v1/bookings/" + booked.json().get("booking_id").asText()).body();
            String feed = api.get("/api/v1/events/" + eventId + "/changes", ORGANIZER).body();
            String customer = api.get("/api/v1/events/" + eventId + "/customers/" + customerId, ORGANIZER).body();
            assertThat(hold).contains(customerId).doesNotContain(secret);
            assertThat(booking).contains(customerId).doesNotContain(secret);
            assertThat(feed).contains(customerId).doesNotContain(secret);
            assertThat(customer).contains("\"bookings\"").doesNotContain(secret);
            await(() -> receiver.acknowledged().size() >= 3);
            assertThat(receiver.received()).allSatisfy(message ->
                    assertThat(message.body()).contains(customerId).doesNotContain(secret));

            await(() -> accessLog().contains("/api/v1/queue/{queue_id}"));
            assertThat(accessLog()).contains("/api/v1/events/" + eventId + "/queue").doesNotContain(secret);
        }
    }

    private static String accessLog() {
        try {
            return Files.exists(ACCESS_LOG) ? Files.readString(ACCESS_LOG) : "";
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("not within 10 s").isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
