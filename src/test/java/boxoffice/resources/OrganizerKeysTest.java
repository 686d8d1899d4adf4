package boxoffice.resources;

import static boxoffice.testing.http.HttpTestClient.obj;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.BoxOfficeTestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With organizer keys configured: creating events and releasing others' holds need {@code Bearer <key>}. */
class OrganizerKeysTest {
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final String KEY = "org-key-1";
    private static final String OTHER_KEY = "org-key-2";

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP =
            BoxOfficeTestApp.create(CLOCK, BoxOfficeTestApp.organizerKeys(" " + KEY + " , " + OTHER_KEY + ","));

    private HttpTestClient api;
    private BoxOfficeSteps steps;

    @BeforeEach
    void client() {
        api = BoxOfficeTestApp.api(APP);
        steps = new BoxOfficeSteps(api);
    }

    private JsonNode newEvent(int seats) {
        return steps.createEvent(seats, "Authorization", "Bearer " + KEY);
    }

    @Test
    void creatingAnEventWithoutCredentialsIs401WithAChallenge() {
        Resp refused = api.post("/api/v1/events", obj("name", "Show", "total_seats", 5));
        refused.assertError(401, "UNAUTHORIZED");
        assertThat(refused.header("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic b3JnOmtleQ==", "Bearer", "Bearer   ", "token " + KEY, KEY})
    void anAuthorizationThatIsNotABearerKeyIs401(String authorization) {
        api.post("/api/v1/events", obj("name", "Show", "total_seats", 5), "Authorization", authorization)
                .assertError(401, "UNAUTHORIZED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Bearer wrong", "Bearer org-key-", "Bearer org-key-1x", "Bearer ORG-KEY-1"})
    void aWrongKeyIs403(String authorization) {
        api.post("/api/v1/events", obj("name", "Show", "total_seats", 5), "Authorization", authorization)
                .assertError(403, "FORBIDDEN");
    }

    @Test
    void anyConfiguredKeyMayCreateEvents() {
        Resp first = api.post("/api/v1/events", obj("name", "Show", "total_seats", 5),
                "Authorization", "Bearer " + KEY);
        assertThat(first.status()).isEqualTo(201);
        Resp second = api.post("/api/v1/events", obj("name", "Show", "total_seats", 5),
                "Authorization", "bearer " + OTHER_KEY);
        assertThat(second.status()).isEqualTo(201);
    }

    @Test
    void authenticationComesBeforeBodyValidation() {
        api.post("/api/v1/events", obj("name", "", "total_seats", 0)).assertError(401, "UNAUTHORIZED");
        api.post("/api/v1/events", "{not json").assertError(401, "UNAUTHORIZED");
        api.post("/api/v1/events", obj("name", "", "total_seats", 0), "Authorization", "Bearer nope")
                .assertError(403, "FORBIDDEN");
    }

    @Test
    void readingAndHoldingNeedNoKey() {
        String eventId = newEvent(5).get("event_id").asText();
        assertThat(api.get("/api/v1/events/" + eventId).status()).isEqualTo(200);
        JsonNode hold = steps.hold(eventId, 2);
        assertThat(steps.book(hold).status()).isEqualTo(201);
    }

    @Test
    void releasingWithoutTokenOrCredentialsIs401() {
        String eventId = newEvent(5).get("event_id").asText();
        JsonNode hold = steps.hold(eventId, 2);
        Resp noBody = api.post("/api/v1/holds/" + hold.get("hold_id").asText() + "/expire", "");
        noBody.assertError(401, "UNAUTHORIZED");
        Resp emptyObject = api.post("/api/v1/holds/" + hold.get("hold_id").asText() + "/expire", "{}");
        emptyObject.assertError(401, "UNAUTHORIZED");
        assertThat(steps.counts(eventId)).containsExactly(5, 3, 2, 0);
    }

    @Test
    void releasingWithAWrongOrganizerKeyIs403() {
        String eventId = newEvent(5).get("event_id").asText();
        JsonNode hold = steps.hold(eventId, 2);
        api.post("/api/v1/holds/" + hold.get("hold_id").asText() + "/expire", "", "Authorization", "Bearer nope")
                .assertError(403, "FORBIDDEN");
        assertThat(steps.counts(eventId)).containsExactly(5, 3, 2, 0);
    }

    @Test
    void anOrganizerReleasesAnyHold() {
        String eventId = newEvent(5).get("event_id").asText();
        JsonNode hold = steps.hold(eventId, 2);
        Resp released = api.post("/api/v1/holds/" + hold.get("hold_id").asText() + "/expire", "",
                "Authorization", "Bearer " + KEY);
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(released.json().get("success").asBoolean()).isTrue();
        assertThat(released.json().get("status").asText()).isEqualTo("expired");
        assertThat(steps.counts(eventId)).containsExactly(5, 5, 0, 0);
    }

    @Test
    void anOrganizerMaySendNoContentTypeAtAll() {
        String eventId = newEvent(5).get("event_id").asText();
        JsonNode hold = steps.hold(eventId, 2);
        Resp released = api.send("POST", "/api/v1/holds/" + hold.get("hold_id").asText() + "/expire",
                java.net.http.HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer " + OTHER_KEY);
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(steps.counts(eventId)).containsExactly(5, 5, 0, 0);
    }

    @Test
    void theHolderStillReleasesWithTheToken() {
        String eventId = newEvent(5).get("event_id").asText();
        JsonNode hold = steps.hold(eventId, 2);
        Resp released = ExpireHoldTest.expire(api, hold, hold.get("payment_token").asText());
        assertThat(released.status()).isEqualTo(200);
        assertThat(released.json().get("success").asBoolean()).isTrue();
    }

    @Test
    void anIdempotencyKeyIsTheCallersOwnSoAReplayNeverHandsOverAnotherCallersToken() {
        String eventId = newEvent(20).get("event_id").asText();
        String key = java.util.UUID.randomUUID().toString();
        Resp victim = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 4),
                "Idempotency-Key", key, "Authorization", "Bearer " + KEY);
        assertThat(victim.status()).isEqualTo(201);

        java.util.List<Resp> attempts = new java.util.ArrayList<>();
        for (int qty = 1; qty <= 4; qty++) {
            attempts.add(api.post("/api/v1/holds", obj("event_id", eventId, "qty", qty), "Idempotency-Key", key));
        }
        attempts.add(api.post("/api/v1/holds", obj("event_id", eventId, "qty", 4),
                "Idempotency-Key", key, "Authorization", "Bearer " + OTHER_KEY));
        String victimToken = victim.json().get("payment_token").asText();
        for (Resp attempt : attempts) {
            assertThat(attempt.body()).as("never the victim's token").doesNotContain(victimToken);
            assertThat(attempt.header("Idempotent-Replayed")).as(attempt.toString()).isEmpty();
            assertThat(attempt.json().get("hold_id")).isNotEqualTo(victim.json().get("hold_id"));
        }
        Resp victimRetry = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 4),
                "Idempotency-Key", key, "Authorization", "Bearer " + KEY);
        assertThat(victimRetry.header("Idempotent-Replayed")).hasValue("true");
        assertThat(victimRetry.json().get("payment_token").asText()).isEqualTo(victimToken);
    }
}
