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
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HoldResourceTest {
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

    /** The TTL written into the JSON as given, however large: {@code obj} could not hold it. */
    private Resp holdWithTtlInTheBody(String eventId, String ttl) {
        return api.post("/api/v1/holds", "{\"event_id\": \"" + eventId + "\", \"qty\": 1, \"ttl_seconds\": " + ttl
                + "}");
    }

    private static Instant expiresAt(JsonNode hold) {
        return Instant.parse(hold.get("expires_at").asText());
    }

    @Test
    void placesAHoldWithAPaymentTokenAndTheDefaultTtl() {
        String eventId = steps.newEventId(10);
        Resp created = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 4));

        assertThat(created.status()).isEqualTo(201);
        JsonNode hold = created.json();
        String holdId = hold.get("hold_id").asText();
        assertThat(holdId).matches("[A-Za-z0-9_-]+");
        assertThat(hold.get("event_id").asText()).isEqualTo(eventId);
        assertThat(hold.get("qty").asInt()).isEqualTo(4);
        assertThat(hold.get("status").asText()).isEqualTo("active");
        assertThat(hold.get("payment_token").asText()).isNotBlank();
        assertThat(hold.get("expires_at").asText()).endsWith("Z");
        assertThat(expiresAt(hold)).isEqualTo(CLOCK.instant().plus(Duration.ofMinutes(2)));
        assertThat(hold.has("booking_id")).isFalse();
        assertThat(hold.has("success")).isFalse();
        assertThat(created.header("Location")).hasValue(api.base() + "/api/v1/holds/" + holdId);
        assertThat(steps.counts(eventId)).containsExactly(10, 6, 4, 0);
    }

    @Test
    void getShowsTheHoldWithoutItsPaymentToken() {
        String eventId = steps.newEventId(10);
        JsonNode created = steps.hold(eventId, 2);
        String holdId = created.get("hold_id").asText();

        Resp read = api.get("/api/v1/holds/" + holdId);

        assertThat(read.status()).isEqualTo(200);
        JsonNode hold = read.json();
        assertThat(hold.has("payment_token")).isFalse();
        assertThat(read.body()).doesNotContain(created.get("payment_token").asText());
        assertThat(hold.get("hold_id").asText()).isEqualTo(holdId);
        assertThat(hold.get("event_id").asText()).isEqualTo(eventId);
        assertThat(hold.get("qty").asInt()).isEqualTo(2);
        assertThat(hold.get("status").asText()).isEqualTo("active");
        assertThat(hold.get("expires_at")).isEqualTo(created.get("expires_at"));
    }

    @Test
    void eachHoldGetsItsOwnIdAndToken() {
        String eventId = steps.newEventId(10);
        JsonNode a = steps.hold(eventId, 1);
        JsonNode b = steps.hold(eventId, 1);
        assertThat(a.get("hold_id")).isNotEqualTo(b.get("hold_id"));
        assertThat(a.get("payment_token")).isNotEqualTo(b.get("payment_token"));
    }

    @ParameterizedTest
    @CsvSource({"1, 10", "5, 10", "10, 10", "11, 11", "300, 300", "900, 900", "901, 900", "100000, 900",
            "2147483647, 900"})
    void clampsTtlFromTheBody(int requested, int expected) {
        String eventId = steps.newEventId(5);
        JsonNode hold = steps.hold(eventId, 1, requested);
        assertThat(expiresAt(hold)).isEqualTo(CLOCK.instant().plusSeconds(expected));
    }

    @ParameterizedTest
    @CsvSource({"1, 10", "9, 10", "60, 60", "900, 900", "901, 900", "86400, 900", "' 30 ', 30", "99999999999, 900"})
    void clampsTtlFromTheQuery(String requested, int expected) {
        String eventId = steps.newEventId(5);
        Resp created = api.post("/api/v1/holds?ttl_seconds=" + requested.replace(" ", "%20"),
                obj("event_id", eventId, "qty", 1));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(expiresAt(created.json())).isEqualTo(CLOCK.instant().plusSeconds(expected));
    }

    @Test
    void theBodyTtlWinsOverTheQuery() {
        String eventId = steps.newEventId(5);
        Resp created = api.post("/api/v1/holds?ttl_seconds=600",
                obj("event_id", eventId, "qty", 1, "ttl_seconds", 60));
        assertThat(expiresAt(created.json())).isEqualTo(CLOCK.instant().plusSeconds(60));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "1.5", "", "10s", "1e10", "-"})
    void refusesATtlQueryThatIsNotAWholeNumber(String ttl) {
        String eventId = steps.newEventId(5);
        Resp refused = api.post("/api/v1/holds?ttl_seconds=" + ttl, obj("event_id", eventId, "qty", 1));
        refused.assertError(422, "VALIDATION_FAILED");
        assertThat(refused.fieldErrors()).containsExactly("ttl_seconds");
        assertThat(steps.counts(eventId)).containsExactly(5, 5, 0, 0);
    }

    /** Issue #27 item 14: one rule in the body and the query, however large the number: clamped, as documented. */
    @ParameterizedTest
    @ValueSource(strings = {"99999999999", "99999999999999999999999"})
    void clampsAWholeNumberOfAnySizeInTheBodyAndTheQuery(String ttl) {
        String eventId = steps.newEventId(5);
        Resp body = holdWithTtlInTheBody(eventId, ttl);
        assertThat(body.status()).as(body.toString()).isEqualTo(201);
        assertThat(expiresAt(body.json())).isEqualTo(CLOCK.instant().plusSeconds(900));
        Resp query = api.post("/api/v1/holds?ttl_seconds=" + ttl, obj("event_id", eventId, "qty", 1));
        assertThat(query.status()).as(query.toString()).isEqualTo(201);
        assertThat(expiresAt(query.json())).isEqualTo(CLOCK.instant().plusSeconds(900));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "-900", "-99999999999999999999999"})
    void refusesANonPositiveTtl(String ttl) {
        String eventId = steps.newEventId(5);
        Resp body = holdWithTtlInTheBody(eventId, ttl);
        body.assertError(422, "VALIDATION_FAILED");
        assertThat(body.fieldErrors()).containsExactly("ttl_seconds");
        Resp query = api.post("/api/v1/holds?ttl_seconds=" + ttl, obj("event_id", eventId, "qty", 1));
        query.assertError(422, "VALIDATION_FAILED");
        assertThat(query.fieldErrors()).containsExactly("ttl_seconds");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"60\"", "1.5", "true", "[60]"})
    void refusesATtlOfTheWrongTypeInTheBody(String ttl) {
        String eventId = steps.newEventId(5);
        holdWithTtlInTheBody(eventId, ttl)
                .assertError(400, "MALFORMED_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101, 1000, Integer.MIN_VALUE})
    void refusesAQuantityOutOfRange(int qty) {
        String eventId = steps.newEventId(1000);
        Resp refused = api.post("/api/v1/holds", obj("event_id", eventId, "qty", qty));
        refused.assertError(422, "VALIDATION_FAILED");
        assertThat(refused.fieldErrors()).containsExactly("qty");
        assertThat(steps.counts(eventId)).containsExactly(1000, 1000, 0, 0);
    }

    @Test
    void acceptsTheMaximumQuantity() {
        String eventId = steps.newEventId(1000);
        assertThat(steps.hold(eventId, 100).get("qty").asInt()).isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"3\"", "2.5", "null", "true", "{}"})
    void refusesAQuantityOfTheWrongTypeOrNull(String qty) {
        String eventId = steps.newEventId(5);
        Resp refused = api.post("/api/v1/holds", "{\"event_id\": \"" + eventId + "\", \"qty\": " + qty + "}");
        if (qty.equals("null")) {
            refused.assertError(422, "VALIDATION_FAILED");
            assertThat(refused.fieldErrors()).containsExactly("qty");
        } else {
            refused.assertError(400, "MALFORMED_REQUEST");
        }
    }

    @Test
    void insufficientSeatsIs409WithWhatIsAvailable() {
        String eventId = steps.newEventId(5);
        steps.hold(eventId, 3);

        Resp refused = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 3));

        refused.assertError(409, "INSUFFICIENT_SEATS");
        assertThat(refused.json().get("available").asInt()).isEqualTo(2);
        assertThat(steps.counts(eventId)).containsExactly(5, 2, 3, 0);
        assertThat(steps.hold(eventId, 2).get("qty").asInt()).isEqualTo(2);
        Resp soldOut = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 1));
        soldOut.assertError(409, "INSUFFICIENT_SEATS");
        assertThat(soldOut.json().get("available").asInt()).isEqualTo(0);
    }

    @Test
    void unknownEventIs404() {
        api.post("/api/v1/holds", obj("event_id", UUID.randomUUID().toString(), "qty", 1))
                .assertError(404, "EVENT_NOT_FOUND");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "", "12345", "00000000-0000-0000-0000-00000000000G",
            "' OR 1=1 --"})
    void malformedEventIdIs422(String eventId) {
        Resp refused = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 1));
        refused.assertError(422, "VALIDATION_FAILED");
        assertThat(refused.fieldErrors()).containsExactly("event_id");
    }

    @Test
    void missingEventIdOrQtyIs422NamingTheField() {
        Resp noEvent = api.post("/api/v1/holds", obj("qty", 1));
        noEvent.assertError(422, "VALIDATION_FAILED");
        assertThat(noEvent.fieldErrors()).containsExactly("event_id");

        Resp noQty = api.post("/api/v1/holds", obj("event_id", steps.newEventId(1)));
        noQty.assertError(422, "VALIDATION_FAILED");
        assertThat(noQty.fieldErrors()).containsExactly("qty");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nope", "00000000-0000-0000-0000-000000000000_AAAAAAAAAAAAAAAAAAAAAA",
            "00000000-0000-0000-0000-000000000000", "%20"})
    void unknownOrMalformedHoldIs404(String holdId) {
        api.get("/api/v1/holds/" + holdId).assertError(404, "HOLD_NOT_FOUND");
    }

    @Test
    void unknownHoldOfAKnownEventIs404() {
        String eventId = steps.newEventId(1);
        api.get("/api/v1/holds/" + eventId + "_AAAAAAAAAAAAAAAAAAAAAA").assertError(404, "HOLD_NOT_FOUND");
    }
}
