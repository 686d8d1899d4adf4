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
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventResourceTest {
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

    @Test
    void createsAnEventWithLocationAndReadsItBack() {
        Resp created = api.post("/api/v1/events", obj("name", "Concert", "total_seats", 100));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).startsWith("application/json");
        JsonNode event = created.json();
        String id = event.get("event_id").asText();
        assertThat(UUID.fromString(id).toString()).isEqualTo(id);
        assertThat(event.get("name").asText()).isEqualTo("Concert");
        assertThat(event.get("total_seats").asInt()).isEqualTo(100);
        assertThat(Instant.parse(event.get("created_at").asText())).isEqualTo(CLOCK.instant());
        assertThat(event.get("created_at").asText()).endsWith("Z");
        assertThat(created.header("Location")).hasValue(api.base() + "/api/v1/events/" + id);
        assertThat(created.header("Idempotent-Replayed")).isEmpty();

        Resp read = api.get("/api/v1/events/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(event);
    }

    @Test
    void trimsTheName() {
        JsonNode event = api.post("/api/v1/events", obj("name", "  \t Trimmed Show \n ", "total_seats", 5)).json();
        assertThat(event.get("name").asText()).isEqualTo("Trimmed Show");
    }

    @Test
    void acceptsTheLimits() {
        String name255 = "n".repeat(255);
        Resp created = api.post("/api/v1/events", obj("name", "  " + name255 + "  ", "total_seats", 1_000_000));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("name").asText()).isEqualTo(name255);
        assertThat(created.json().get("total_seats").asInt()).isEqualTo(1_000_000);

        assertThat(api.post("/api/v1/events", obj("name", "x", "total_seats", 1)).status()).isEqualTo(201);
    }

    @Test
    void acceptsUnicodeAndQuotesInNames() {
        String name = "Sigur Rós \"live\" — 東京 🎵 </script>";
        Resp created = api.post("/api/v1/events", obj("name", name, "total_seats", 3));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("name").asText()).isEqualTo(name);
        assertThat(api.get("/api/v1/events/" + created.json().get("event_id").asText()).json().get("name").asText())
                .isEqualTo(name);
    }

    @Test
    void countsCharactersNotUtf16Units() {
        String emoji128 = "\uD83C\uDFB5".repeat(128);
        Resp created = api.post("/api/v1/events", obj("name", emoji128, "total_seats", 3));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        assertThat(created.json().get("name").asText()).isEqualTo(emoji128);

        Resp family = api.post("/api/v1/events", obj("name", "\u200B Family \uD83D\uDC68\u200D\uD83D\uDC67 \u00A0",
                "total_seats", 3));
        assertThat(family.json().get("name").asText()).as("inner joiners stay, outer blanks go")
                .isEqualTo("Family \uD83D\uDC68\u200D\uD83D\uDC67");

        Resp tooLong = api.post("/api/v1/events", obj("name", "\uD83C\uDFB5".repeat(256), "total_seats", 3));
        tooLong.assertError(422, "VALIDATION_FAILED");
        assertThat(tooLong.fieldErrors()).containsExactly("name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00A0\u00A0", "\u200B", "\u3000\u2028\uFEFF", "Show\u0000", "Sh\u0007ow", "Show\u009F",
            "Sh\tow"})
    void refusesInvisibleOrControlNames(String name) {
        Resp refused = api.post("/api/v1/events", obj("name", name, "total_seats", 5));
        refused.assertError(422, "VALIDATION_FAILED");
        assertThat(refused.fieldErrors()).containsExactly("name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\t\n"})
    void refusesAnEmptyName(String name) {
        Resp refused = api.post("/api/v1/events", obj("name", name, "total_seats", 5));
        refused.assertError(422, "VALIDATION_FAILED");
        assertThat(refused.fieldErrors()).containsExactly("name");
    }

    @Test
    void refusesANameOf256Characters() {
        Resp refused = api.post("/api/v1/events", obj("name", "n".repeat(256), "total_seats", 5));
        refused.assertError(422, "VALIDATION_FAILED");
        assertThat(refused.fieldErrors()).containsExactly("name");
    }

    @Test
    void refusesAMissingOrNullName() {
        Resp missing = api.post("/api/v1/events", obj("total_seats", 5));
        missing.assertError(422, "VALIDATION_FAILED");
        assertThat(missing.fieldErrors()).containsExactly("name");

        Resp nul = api.post("/api/v1/events", "{\"name\": null, \"total_seats\": 5}");
        nul.assertError(422, "VALIDATION_FAILED");
        assertThat(nul.fieldErrors()).containsExactly("name");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1_000_001, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void refusesSeatCountsOutOfRange(int seats) {
        Resp refused = api.post("/api/v1/events", obj("name", "Show", "total_seats", seats));
        refused.assertError(422, "VALIDATION_FAILED");
        assertThat(refused.fieldErrors()).containsExactly("total_seats");
    }

    @Test
    void refusesNullOrMissingSeats() {
        Resp nul = api.post("/api/v1/events", "{\"name\": \"Show\", \"total_seats\": null}");
        nul.assertError(422, "VALIDATION_FAILED");
        assertThat(nul.fieldErrors()).containsExactly("total_seats");

        Resp missing = api.post("/api/v1/events", "{\"name\": \"Show\"}");
        missing.assertError(422, "VALIDATION_FAILED");
        assertThat(missing.fieldErrors()).containsExactly("total_seats");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"5\"", "1.5", "5.0", "true", "[5]", "{\"n\": 5}", "99999999999999999999", "1e3"})
    void refusesSeatsOfTheWrongType(String seats) {
        api.post("/api/v1/events", "{\"name\": \"Show\", \"total_seats\": " + seats + "}")
                .assertError(400, "MALFORMED_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "true", "[\"a\"]", "{\"a\": 1}"})
    void refusesANameOfTheWrongType(String name) {
        api.post("/api/v1/events", "{\"name\": " + name + ", \"total_seats\": 5}")
                .assertError(400, "MALFORMED_REQUEST");
    }

    @Test
    void namesEveryInvalidField() {
        Resp refused = api.post("/api/v1/events", obj("name", " ", "total_seats", 0));
        refused.assertError(422, "VALIDATION_FAILED");
        assertThat(refused.fieldErrors()).containsExactlyInAnyOrder("name", "total_seats");
    }

    @ParameterizedTest
    @ValueSource(strings = {"00000000-0000-0000-0000-000000000000", "not-a-uuid", "12345",
            "00000000-0000-0000-0000-00000000000g", "DROP%20TABLE%20events", "%E2%9C%93"})
    void unknownOrMalformedEventIdIs404(String id) {
        api.get("/api/v1/events/" + id).assertError(404, "EVENT_NOT_FOUND");
        api.get("/api/v1/events/" + id + "/status").assertError(404, "EVENT_NOT_FOUND");
    }

    @Test
    void unknownRandomEventIs404() {
        String id = UUID.randomUUID().toString();
        api.get("/api/v1/events/" + id).assertError(404, "EVENT_NOT_FOUND");
        api.get("/api/v1/events/" + id + "/status").assertError(404, "EVENT_NOT_FOUND");
    }

    @Test
    void aNewEventHasAllSeatsAvailable() {
        String id = steps.newEventId(42);
        JsonNode status = steps.status(id);
        assertThat(status).isEqualTo(obj("total", 42, "available", 42, "held", 0, "booked", 0, "sections",
                List.of(obj("id", "general", "total", 42, "available", 42, "held", 0, "booked", 0))));
    }

    @Test
    void statusKeepsItsInvariantThroughHoldBookAndExpire() {
        String id = steps.newEventId(10);
        JsonNode booked = steps.hold(id, 3);
        assertThat(steps.counts(id)).containsExactly(10, 7, 3, 0);
        JsonNode released = steps.hold(id, 2);
        assertThat(steps.counts(id)).containsExactly(10, 5, 5, 0);
        assertThat(steps.book(booked).status()).isEqualTo(201);
        assertThat(steps.counts(id)).containsExactly(10, 5, 2, 3);
        Resp expire = api.post("/api/v1/holds/" + released.get("hold_id").asText() + "/expire",
                obj("payment_token", released.get("payment_token").asText()));
        assertThat(expire.status()).isEqualTo(200);
        assertThat(steps.counts(id)).containsExactly(10, 7, 0, 3);
        steps.hold(id, 7);
        assertThat(steps.counts(id)).containsExactly(10, 0, 7, 3);
    }
}
