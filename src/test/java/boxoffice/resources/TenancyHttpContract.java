package boxoffice.resources;

import static boxoffice.testing.http.HttpTestClient.obj;
import static io.dropwizard.testing.ConfigOverride.config;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.http.WebhookReceiver;
import boxoffice.testing.process.BoxOfficeTestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Organizers as tenants, through real HTTP ({@link TenancyOnMemoryTest}, {@link TenancyOnRedisTest}): two organizers (acme with two keys, globex), a bare key (organizer
 * {@code default}) and an admin key. Every organizer-only call on another organizer's event, hold, booking or webhook
 * answers 404 exactly as for one that does not exist, and changes nothing; the admin key acts on all; an all-events
 * webhook is sent its own organizer's changes only.
 */
abstract class TenancyHttpContract {
    private static final String[] ACME = {"Authorization", "Bearer acme-key-1"};
    private static final String[] ACME_ROTATED = {"Authorization", "Bearer acme-key-2"};
    private static final String[] GLOBEX = {"Authorization", "Bearer globex-key"};
    private static final String[] BARE = {"Authorization", "Bearer bare-key"};
    private static final String[] ADMIN = {"Authorization", "Bearer admin-key"};
    private static final String NO_SUCH_EVENT = "00000000-0000-4000-8000-000000000000";

    private final DropwizardAppExtension<BoxOfficeConfiguration> app;
    private HttpTestClient api;
    private BoxOfficeSteps steps;

    /** @param app the subclass's app, on the system clock, with {@link #settings} */
    TenancyHttpContract(DropwizardAppExtension<BoxOfficeConfiguration> app) {
        this.app = app;
    }

    /** The keys above, and webhooks that may be sent to this machine without waiting long between passes. */
    static ConfigOverride[] settings(ConfigOverride... store) {
        List<ConfigOverride> settings = new ArrayList<>(List.of(
                BoxOfficeTestApp.organizerKeys("acme:acme-key-1, acme:acme-key-2, globex:globex-key, bare-key"),
                config("http.adminApiKeys", "admin-key"),
                config("webhooks.allowHttp", "true"),
                config("webhooks.allowPrivate", "true"),
                config("webhooks.pollInterval", "100 milliseconds")));
        settings.addAll(List.of(store));
        return settings.toArray(ConfigOverride[]::new);
    }

    @BeforeEach
    void client() {
        api = BoxOfficeTestApp.api(app);
        steps = new BoxOfficeSteps(api);
    }

    /** An event of {@code organizer} with a hold, a booking of customer {@code customer}, and a webhook on it. */
    private record Sale(String eventId, String holdId, String bookingId, String webhookId) {}

    private Sale sale(String[] organizer, String customer) {
        String eventId = steps.createEvent(10, organizer).get("event_id").asText();
        JsonNode hold = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 2, "customer_id", customer)).json();
        JsonNode booked = steps.book(api.post("/api/v1/holds",
                obj("event_id", eventId, "qty", 3, "customer_id", customer)).json()).json();
        Resp webhook = api.post("/api/v1/webhooks", obj("url", "https://hooks.example.com/x",
                "types", List.of("booking.created"), "event_id", eventId), organizer);
        assertThat(webhook.status()).as(webhook.toString()).isEqualTo(201);
        return new Sale(eventId, hold.get("hold_id").asText(), booked.get("booking_id").asText(),
                webhook.json().get("id").asText());
    }

    @Test
    void everyOrganizerCallOnAnotherOrganizersEventIs404AsIfItDidNotExistAndChangesNothing() {
        Sale acme = sale(ACME, "acme-fan");
        Sale missing = new Sale(NO_SUCH_EVENT, NO_SUCH_EVENT + "_AAAAAAAAAAAAAAAAAAAAAA",
                NO_SUCH_EVENT + "_AAAAAAAAAAAAAAAAAAAAAA", "wh_00000000000000000000000000000000");
        JsonNode before = api.get("/api/v1/events/" + acme.eventId() + "/changes", ACME).json();

        for (Sale target : List.of(acme, missing)) {
            String event = "/api/v1/events/" + target.eventId();
            String hold = "/api/v1/holds/" + target.holdId();
            String webhook = "/api/v1/webhooks/" + target.webhookId();
            api.post("/api/v1/bookings/" + target.bookingId() + "/cancel", "{}", GLOBEX)
                    .assertError(404, "BOOKING_NOT_FOUND");
            api.get(event + "/customers/acme-fan", GLOBEX).assertError(404, "EVENT_NOT_FOUND");
            api.get(event + "/changes", GLOBEX).assertError(404, "EVENT_NOT_FOUND");
            api.send("PATCH", event, body("{\"admission\": {\"rate_per_minute\": 60, \"token_ttl_seconds\": 300}}"),
                    with(GLOBEX, "Content-Type", "application/json")).assertError(404, "EVENT_NOT_FOUND");
            api.get(event + "/admission", GLOBEX).assertError(404, "EVENT_NOT_FOUND");
            api.post(hold + "/expire", "", GLOBEX).assertError(404, "HOLD_NOT_FOUND");
            api.send("DELETE", hold, body(""), GLOBEX).assertError(404, "HOLD_NOT_FOUND");
            api.get(webhook, GLOBEX).assertError(404, "WEBHOOK_NOT_FOUND");
            api.send("DELETE", webhook, body(""), GLOBEX).assertError(404, "WEBHOOK_NOT_FOUND");
            api.post("/api/v1/webhooks", obj("url", "https://h.example.com/", "types", List.of("booking.created"),
                    "event_id", target.eventId()), GLOBEX).assertError(422, "VALIDATION_FAILED");
        }

        assertThat(steps.counts(acme.eventId())).as("nothing changed").containsExactly(10, 5, 2, 3);
        assertThat(api.get("/api/v1/bookings/" + acme.bookingId()).json().get("status").asText())
                .isEqualTo("confirmed");
        assertThat(api.get("/api/v1/events/" + acme.eventId() + "/admission", ACME).json().get("admission").isNull())
                .as("no waiting room was set").isTrue();
        assertThat(api.get("/api/v1/webhooks/" + acme.webhookId(), ACME).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/events/" + acme.eventId() + "/changes", ACME).json()).isEqualTo(before);
    }

    @Test
    void anOrganizerActsOnItsOwnEventsWithAnyOfItsKeys() {
        assertActsOn(sale(ACME, "fan"), ACME_ROTATED);
    }

    @Test
    void anAdminKeyActsOnEveryOrganizersEvents() {
        for (String[] organizer : List.of(ACME, GLOBEX, BARE)) {
            assertActsOn(sale(organizer, "fan"), ADMIN);
        }
    }

    /** With {@code key}, every organizer operation on the sale (of customer "fan") succeeds, and frees its seats. */
    private void assertActsOn(Sale sale, String[] key) {
        assertThat(api.get("/api/v1/events/" + sale.eventId() + "/changes", key).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/events/" + sale.eventId() + "/admission", key).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/events/" + sale.eventId() + "/customers/fan", key).json()
                .get("bookings").get(0).get("qty").asInt()).isEqualTo(3);
        assertThat(api.get("/api/v1/webhooks/" + sale.webhookId(), key).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/holds/" + sale.holdId() + "/expire", "", key).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/bookings/" + sale.bookingId() + "/cancel", "{}", key).status()).isEqualTo(200);
        assertThat(steps.counts(sale.eventId())).containsExactly(10, 10, 0, 0);
    }

    @Test
    void aBareKeyIsTheDefaultOrganizersAndSeesOnlyItsEvents() {
        Sale bare = sale(BARE, "fan");
        assertThat(api.get("/api/v1/events/" + bare.eventId() + "/changes", BARE).status()).isEqualTo(200);
        api.get("/api/v1/events/" + bare.eventId() + "/changes", ACME).assertError(404, "EVENT_NOT_FOUND");
        Sale acme = sale(ACME, "fan");
        api.get("/api/v1/events/" + acme.eventId() + "/changes", BARE).assertError(404, "EVENT_NOT_FOUND");
        api.post("/api/v1/bookings/" + acme.bookingId() + "/cancel", "{}", BARE)
                .assertError(404, "BOOKING_NOT_FOUND");
    }

    @Test
    void anAllEventsWebhookIsSentItsOwnOrganizersChangesOnly() throws Exception {
        try (WebhookReceiver acmeHook = WebhookReceiver.up(); WebhookReceiver globexHook = WebhookReceiver.up();
                WebhookReceiver adminHook = WebhookReceiver.up()) {
            subscribeToAllEvents(acmeHook, ACME);
            subscribeToAllEvents(globexHook, GLOBEX);
            subscribeToAllEvents(adminHook, ADMIN);
            Sale globex = sale(GLOBEX, "globex-fan");
            Sale acme = sale(ACME, "acme-fan");

            await(() -> bodies(acmeHook).contains(acme.bookingId()) && bodies(globexHook).contains(globex.bookingId())
                    && bodies(adminHook).contains(acme.bookingId()) && bodies(adminHook).contains(globex.bookingId()));
            assertThat(bodies(acmeHook)).doesNotContain(globex.eventId()).doesNotContain("globex-fan");
            assertThat(bodies(globexHook)).doesNotContain(acme.eventId()).doesNotContain("acme-fan");
        }
    }

    private void subscribeToAllEvents(WebhookReceiver receiver, String[] organizer) {
        Resp created = api.post("/api/v1/webhooks", obj("url", receiver.url(), "types", List.of("booking.created")),
                organizer);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private static String bodies(WebhookReceiver receiver) {
        return String.join("\n", receiver.received().stream().map(WebhookReceiver.Received::body).toList());
    }

    private static HttpRequest.BodyPublisher body(String text) {
        return HttpRequest.BodyPublishers.ofString(text);
    }

    private static String[] with(String[] headers, String... more) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + more.length);
        System.arraycopy(more, 0, all, headers.length, more.length);
        return all;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean()) {
            assertThat(Instant.now()).as("condition not met within 15 s").isBefore(deadline);
            Thread.sleep(50);
        }
    }
}
