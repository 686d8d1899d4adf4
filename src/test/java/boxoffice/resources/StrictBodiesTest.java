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
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue #27 item 14: every JSON body is read strictly. A key given twice is 400 (which one would count?), and a
 * field the request does not have is 422 naming it, at the top level and in nested objects, on every call that
 * reads a body; either way nothing changes.
 */
class StrictBodiesTest {
    private static final MutableClock CLOCK = MutableClock.startingNow();

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP = BoxOfficeTestApp.create(CLOCK);

    private HttpTestClient api;
    private BoxOfficeSteps steps;
    private String eventId;
    private JsonNode hold;

    @BeforeEach
    void oneHoldOnAnEvent() {
        api = BoxOfficeTestApp.api(APP);
        steps = new BoxOfficeSteps(api);
        eventId = steps.newEventId(10);
        hold = steps.hold(eventId, 2);
    }

    @Test
    void aKeyGivenTwiceIsMalformedAndHoldsNothing() {
        Resp twice = api.post("/api/v1/holds", "{\"event_id\": \"" + eventId + "\", \"qty\": 1, \"qty\": 3}");
        twice.assertError(400, "MALFORMED_REQUEST");
        assertThat(twice.json().get("error").asText()).contains("qty");

        api.post("/api/v1/holds", "{\"event_id\": \"" + eventId + "\", \"items\": [{\"section\": \"general\","
                + " \"qty\": 1, \"qty\": 3}]}").assertError(400, "MALFORMED_REQUEST");
        assertThat(steps.counts(eventId)).containsExactly(10, 8, 2, 0);
    }

    @Test
    void anAllOrNothingHoldWithATopLevelAllowPartialIsRefused() {
        Resp refused = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 9, "allow_partial", true));
        refused.assertError(422, "VALIDATION_FAILED");
        assertThat(refused.fieldErrors()).containsExactly("allow_partial");
        assertThat(steps.counts(eventId)).containsExactly(10, 8, 2, 0);
    }

    @ParameterizedTest(name = "{0} {1} names {3}")
    @CsvSource(delimiter = '|', value = {
        "POST | /api/v1/events | {\"name\": \"x\", \"total_seats\": 5, \"seats\": 5} | seats",
        "POST | /api/v1/events | {\"name\": \"x\", \"sections\": [{\"id\": \"a\", \"capacity\": 5, \"size\": 1}]}"
                + " | sections[0].size",
        "POST | /api/v1/events | {\"name\": \"x\", \"sections\": [{\"id\": \"a\", \"rows\": [{\"row\": \"A\","
                + " \"seats\": 5, \"wheelchair\": [1]}]}]} | sections[0].rows[0].wheelchair",
        "POST | /api/v1/events | {\"name\": \"x\", \"total_seats\": 5, \"admission\": {\"rate_per_minute\": 60,"
                + " \"rate\": 1}} | admission.rate",
        "PATCH | /api/v1/events/$EVENT | {\"admission\": {\"rate_per_minute\": 60, \"rate\": 1}} | admission.rate",
        "PATCH | /api/v1/events/$EVENT | {\"total_seats\": 20} | total_seats",
        "POST | /api/v1/holds | {\"event_id\": \"$EVENT\", \"items\": [{\"section\": \"general\", \"qty\": 1,"
                + " \"partial\": true}]} | items[0].partial",
        "POST | /api/v1/holds/$HOLD/extend | {\"payment_token\": \"$TOKEN\", \"ttl\": 60} | ttl",
        "POST | /api/v1/holds/$HOLD/expire | {\"payment_token\": \"$TOKEN\", \"force\": true} | force",
        "POST | /api/v1/book | {\"hold_id\": \"$HOLD\", \"payment_token\": \"$TOKEN\", \"amount\": 5} | amount",
        "POST | /api/v1/bookings/$EVENT_nosuchbooking/cancel | {\"reason\": \"x\", \"refund\": true} | refund",
        "POST | /api/v1/webhooks | {\"url\": \"https://hooks.invalid/x\", \"types\": [\"hold.created\"],"
                + " \"secret\": \"mine\"} | secret",
        "POST | /api/v1/events/$EVENT/waitlist | {\"customer_id\": \"c\", \"qty\": 1, \"priority\": 1} | priority"})
    void aFieldTheRequestDoesNotHaveIsNamedAndChangesNothing(String method, String path, String body, String field) {
        Resp refused = api.send(method, resolve(path), HttpRequest.BodyPublishers.ofString(resolve(body)),
                "Content-Type", "application/json");

        refused.assertError(422, "VALIDATION_FAILED");
        assertThat(refused.fieldErrors()).containsExactly(field);
        assertThat(steps.counts(eventId)).containsExactly(10, 8, 2, 0);
        assertThat(api.get("/api/v1/holds/" + hold.get("hold_id").asText()).json().get("status").asText())
                .isEqualTo("active");
    }

    private String resolve(String template) {
        return template.replace("$EVENT", eventId)
                .replace("$HOLD", hold.get("hold_id").asText())
                .replace("$TOKEN", hold.get("payment_token").asText());
    }
}
