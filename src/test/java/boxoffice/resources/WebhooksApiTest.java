package boxoffice.resources;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.BoxOfficeTestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code /api/v1/webhooks} through real HTTP with the shipped defaults (no WEBHOOK_ALLOW_* flags): the secret answered
 * once, organizers only, refused URLs (plain http, internal addresses: SSRF) and types with 422, unknown ids 404, and
 * nothing stored by a refused request.
 */
class WebhooksApiTest {
    private static final String KEY = "org-key-webhooks";
    private static final String[] ORGANIZER = {"Authorization", "Bearer " + KEY};

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP =
            BoxOfficeTestApp.create(MutableClock.startingNow(), BoxOfficeTestApp.organizerKeys(KEY));

    private HttpTestClient api;

    @BeforeEach
    void client() {
        api = BoxOfficeTestApp.api(APP);
    }

    private Resp create(String body, String... headers) {
        return api.post("/api/v1/webhooks", body, headers);
    }

    private static String webhook(String url, String types) {
        return "{\"url\": \"" + url + "\", \"types\": " + types + "}";
    }

    @Test
    void theSecretIsAnsweredOnceAndTheWebhookReadsBackWithoutIt() {
        String eventId = new BoxOfficeSteps(api, ORGANIZER).newEventId(10);
        Resp created = create("{\"url\": \"https://203.0.113.10/hooks\", \"types\": [\"booking.created\","
                + " \"hold.created\"], \"event_id\": \"" + eventId + "\"}", ORGANIZER);

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode webhook = created.json();
        String id = webhook.get("id").asText();
        assertThat(created.header("Location")).hasValueSatisfying(location -> assertThat(location).endsWith(id));
        assertThat(webhook.get("secret").asText()).startsWith("whsec_");
        assertThat(java.util.Base64.getDecoder().decode(webhook.get("secret").asText().substring(6)))
                .hasSizeGreaterThanOrEqualTo(24);
        assertThat(webhook.get("event_id").asText()).isEqualTo(eventId);

        Resp read = api.get("/api/v1/webhooks/" + id, ORGANIZER);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().has("secret")).isFalse();
        assertThat(read.json().get("types")).hasSize(2);
        assertThat(read.json().get("url").asText()).isEqualTo("https://203.0.113.10/hooks");

        assertThat(api.send("DELETE", "/api/v1/webhooks/" + id, HttpRequest.BodyPublishers.noBody(), ORGANIZER)
                .status()).isEqualTo(200);
        api.get("/api/v1/webhooks/" + id, ORGANIZER).assertError(404, "WEBHOOK_NOT_FOUND");
        api.send("DELETE", "/api/v1/webhooks/" + id, HttpRequest.BodyPublishers.noBody(), ORGANIZER)
                .assertError(404, "WEBHOOK_NOT_FOUND");
    }

    @Test
    void organizersOnly() {
        create(webhook("https://example.com/hooks", "[\"hold.created\"]")).assertError(401, "UNAUTHORIZED");
        create(webhook("https://example.com/hooks", "[\"hold.created\"]"), "Authorization", "Bearer wrong")
                .assertError(403, "FORBIDDEN");
        api.get("/api/v1/webhooks/wh_00000000000000000000000000000000").assertError(401, "UNAUTHORIZED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"wh_00000000000000000000000000000000", "nope", "wh_%7Bx%7D", "%7B%7D"})
    void anUnknownOrMalformedIdIs404(String id) {
        api.get("/api/v1/webhooks/" + id, ORGANIZER).assertError(404, "WEBHOOK_NOT_FOUND");
    }

    /** SSRF: the service must not be made to send to its own network. */
    @ParameterizedTest
    @ValueSource(strings = {
        "http://example.com/hooks",          // plain http without WEBHOOK_ALLOW_HTTP
        "https://127.0.0.1/hooks",           // loopback
        "https://localhost:8443/hooks",
        "https://[::1]/hooks",
        "https://10.1.2.3/hooks",            // private
        "https://192.168.0.10/hooks",
        "https://172.16.5.4/hooks",
        "https://169.254.169.254/latest/meta-data",  // link-local: cloud metadata
        "https://100.64.0.1/hooks",          // shared (CGNAT)
        "https://[fd12:3456::1]/hooks",      // unique-local
        "https://0.0.0.0/hooks",             // unspecified
        "https://224.0.0.1/hooks",           // multicast
        "https://[::127.0.0.1]/hooks",       // IPv4-compatible
        "https://[::7f00:1]/hooks",
        "https://[::ffff:127.0.0.1]/hooks",  // IPv4-mapped
        "https://[::ffff:7f00:1]/hooks",
        "https://[::ffff:a9fe:a9fe]/hooks",
        "https://[64:ff9b::7f00:1]/hooks",   // NAT64
        "https://[64:ff9b::a9fe:a9fe]/hooks",
        "https://[2002:a9fe:a9fe::]/hooks",  // 6to4
        "https://[2001:0:4136:e378:8000:63bf:3fff:fdd2]/hooks", // Teredo
        "https://198.18.0.1/hooks",          // benchmarking
        "https://100.127.255.254/hooks",     // shared (CGNAT), its top
        "https://240.0.0.1/hooks",           // reserved
        "https://255.255.255.255/hooks",     // broadcast
        "https://239.255.255.250/hooks",     // multicast
        "https://[ff02::1]/hooks",
        "https://[::]/hooks",                // unspecified
        "https://2130706433/hooks",          // 127.0.0.1 as one number
        "https://127.1/hooks",
        "https://203.0.113.10:0/hooks",      // ports out of range
        "https://203.0.113.10:99999/hooks",
        "ftp://example.com/hooks",
        "https:///nohost",
        "https://user:pw@example.com/hooks",
        "not a url"})
    void refusedUrlsAre422AndStoreNothing(String url) {
        Resp refused = create(webhook(url, "[\"hold.created\"]"), ORGANIZER).assertError(422, "VALIDATION_FAILED");
        assertThat(refused.body()).contains("url");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[\"hold.made\"]", "[\"hold.created\", \"HOLD_CREATED\"]", "[null]"})
    void unknownOrNoTypesAre422(String types) {
        Resp refused = create(webhook("https://203.0.113.10/hooks", types), ORGANIZER)
                .assertError(422, "VALIDATION_FAILED");
        assertThat(refused.body()).contains("types");
    }

    @Test
    void anUnknownEventIs422AndABadBodyIsAClientError() {
        create("{\"url\": \"https://203.0.113.10/h\", \"types\": [\"hold.created\"], \"event_id\": \"nope\"}",
                ORGANIZER).assertError(422, "VALIDATION_FAILED");
        create("{\"url\": \"https://203.0.113.10/h\", \"types\": \"hold.created\"}", ORGANIZER).assertClientErrorJson();
        create("", ORGANIZER).assertClientErrorJson();
        create("{\"url\": 5, \"types\": [\"hold.created\"]}", ORGANIZER).assertClientErrorJson();
    }
}
