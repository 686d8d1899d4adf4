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
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdempotencyKeyTest {
    private static final MutableClock CLOCK = MutableClock.startingNow();

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP = BoxOfficeTestApp.create(CLOCK);

    private HttpTestClient api;
    private BoxOfficeSteps steps;

    @BeforeEach
    void client() {
        api = BoxOfficeTestApp.api(APP);
        steps = new BoxOfficeSteps(api);
    }

    private static String key() {
        return "key-" + UUID.randomUUID();
    }

    @Test
    void aRetriedHoldReturnsTheOriginalAndHoldsNoMoreSeats() {
        String eventId = steps.newEventId(10);
        String key = key();
        Resp first = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 3), "Idempotency-Key", key);
        Resp retry = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 3), "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(steps.counts(eventId)).containsExactly(10, 7, 3, 0);

        Resp third = api.post("/api/v1/holds", "{\"qty\": 3, \"event_id\": \"" + eventId + "\"}",
                "Idempotency-Key", key);
        assertThat(third.json().get("hold_id")).isEqualTo(first.json().get("hold_id"));
        assertThat(steps.counts(eventId)).containsExactly(10, 7, 3, 0);
    }

    @Test
    void theTtlQueryAndTheBodyTtlAreTheSameRequest() {
        String eventId = steps.newEventId(10);
        String key = key();
        Resp first = api.post("/api/v1/holds?ttl_seconds=60", obj("event_id", eventId, "qty", 1),
                "Idempotency-Key", key);
        Resp retry = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 1, "ttl_seconds", 60),
                "Idempotency-Key", key);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("hold_id")).isEqualTo(first.json().get("hold_id"));
        assertThat(steps.counts(eventId)).containsExactly(10, 9, 1, 0);
    }

    @Test
    void aDifferentHoldRequestWithTheSameKeyIs422() {
        String eventId = steps.newEventId(10);
        String key = key();
        api.post("/api/v1/holds", obj("event_id", eventId, "qty", 3), "Idempotency-Key", key);

        api.post("/api/v1/holds", obj("event_id", eventId, "qty", 4), "Idempotency-Key", key)
                .assertError(422, "IDEMPOTENCY_KEY_REUSED");
        api.post("/api/v1/holds", obj("event_id", eventId, "qty", 3, "ttl_seconds", 30), "Idempotency-Key", key)
                .assertError(422, "IDEMPOTENCY_KEY_REUSED");
        api.post("/api/v1/holds", obj("event_id", steps.newEventId(10), "qty", 3), "Idempotency-Key", key)
                .assertError(422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(steps.counts(eventId)).containsExactly(10, 7, 3, 0);
    }

    @Test
    void withoutAKeyEveryRequestHolds() {
        String eventId = steps.newEventId(10);
        steps.hold(eventId, 3);
        steps.hold(eventId, 3);
        assertThat(steps.counts(eventId)).containsExactly(10, 4, 6, 0);
    }

    @Test
    void aRefusedHoldDoesNotUseUpItsKey() {
        String eventId = steps.newEventId(2);
        JsonNode blocker = steps.hold(eventId, 2);
        String key = key();
        api.post("/api/v1/holds", obj("event_id", eventId, "qty", 2), "Idempotency-Key", key)
                .assertError(409, "INSUFFICIENT_SEATS");
        api.post("/api/v1/holds/" + blocker.get("hold_id").asText() + "/expire",
                obj("payment_token", blocker.get("payment_token").asText()));

        Resp retry = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 2), "Idempotency-Key", key);
        assertThat(retry.status()).as(retry.toString()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void aKeyIsRememberedPastTheHoldsTtl() {
        String eventId = steps.newEventId(5);
        String key = key();
        Resp first = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 5, "ttl_seconds", 10),
                "Idempotency-Key", key);
        CLOCK.advance(Duration.ofMinutes(16));

        Resp retry = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 5, "ttl_seconds", 10),
                "Idempotency-Key", key);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.json().get("hold_id")).isEqualTo(first.json().get("hold_id"));
        assertThat(retry.json().get("status").asText()).isEqualTo("expired");
        assertThat(steps.counts(eventId)).containsExactly(5, 5, 0, 0);
    }

    @Test
    void aRetriedEventReturnsTheOriginal() {
        String key = key();
        String body = obj("name", "Retried " + key, "total_seats", 50).toString();
        Resp first = api.post("/api/v1/events", body, "Idempotency-Key", key);
        Resp retry = api.post("/api/v1/events", body, "Idempotency-Key", key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
        assertThat(retry.json()).isEqualTo(first.json());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
    }

    @Test
    void aDifferentEventWithTheSameKeyIs422() {
        String key = key();
        api.post("/api/v1/events", obj("name", "A", "total_seats", 50), "Idempotency-Key", key);
        api.post("/api/v1/events", obj("name", "A", "total_seats", 51), "Idempotency-Key", key)
                .assertError(422, "IDEMPOTENCY_KEY_REUSED");
        api.post("/api/v1/events", obj("name", "B", "total_seats", 50), "Idempotency-Key", key)
                .assertError(422, "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void eventsAndHoldsHaveSeparateKeys() {
        String key = key();
        String eventId = api.post("/api/v1/events", obj("name", "Shared key", "total_seats", 5),
                "Idempotency-Key", key).json().get("event_id").asText();
        Resp hold = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 1), "Idempotency-Key", key);
        assertThat(hold.status()).isEqualTo(201);
        assertThat(hold.header("Idempotent-Replayed")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "tab\there"})
    void anUnprintableKeyIs422(String key) {
        String eventId = steps.newEventId(5);
        String encodedKey = key;
        Resp refused = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 1), "Idempotency-Key", encodedKey);
        refused.assertError(422, "VALIDATION_FAILED");
        assertThat(refused.fieldErrors()).containsExactly("Idempotency-Key");
        assertThat(steps.counts(eventId)).containsExactly(5, 5, 0, 0);
    }

    @Test
    void keysDifferingOnlyInCaseAreDifferentKeys() {
        String eventId = steps.newEventId(10);
        String key = key();
        Resp lower = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 1), "Idempotency-Key", key);
        Resp upper = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 1),
                "Idempotency-Key", key.toUpperCase(java.util.Locale.ROOT));
        assertThat(upper.status()).isEqualTo(201);
        assertThat(upper.header("Idempotent-Replayed")).isEmpty();
        assertThat(upper.json().get("hold_id")).isNotEqualTo(lower.json().get("hold_id"));
        assertThat(steps.counts(eventId)).containsExactly(10, 8, 2, 0);
    }

    @Test
    void aKeyOver255CharactersIs422() {
        String eventId = steps.newEventId(5);
        api.post("/api/v1/holds", obj("event_id", eventId, "qty", 1), "Idempotency-Key", "k".repeat(256))
                .assertError(422, "VALIDATION_FAILED");
        Resp ok = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 1), "Idempotency-Key", "k".repeat(255));
        assertThat(ok.status()).isEqualTo(201);
    }

    @ParameterizedTest
    @ValueSource(strings = {"order-42", "k", "123456789012345678901"})
    void aGuessableKeyShorterThan22CharactersIs422AndHoldsNothing(String key) {
        String eventId = steps.newEventId(5);
        Resp refused = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 1), "Idempotency-Key", key);
        refused.assertError(422, "VALIDATION_FAILED");
        assertThat(refused.fieldErrors()).containsExactly("Idempotency-Key");
        assertThat(refused.json().get("error").asText()).contains("UUID");
        assertThat(steps.counts(eventId)).containsExactly(5, 5, 0, 0);
    }
}
