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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code POST /holds/{id}/expire} by the holder; the shipped config leaves organizer actions open. */
class ExpireHoldTest {
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

    static Resp expire(HttpTestClient api, JsonNode hold, String token, String... headers) {
        return api.post("/api/v1/holds/" + hold.get("hold_id").asText() + "/expire",
                token == null ? "" : obj("payment_token", token).toString(), headers);
    }

    @Test
    void theHolderReleasesTheHoldOnce() {
        String eventId = steps.newEventId(10);
        JsonNode hold = steps.hold(eventId, 4);
        String token = hold.get("payment_token").asText();

        Resp first = expire(api, hold, token);

        assertThat(first.status()).isEqualTo(200);
        JsonNode released = first.json();
        assertThat(released.get("success").asBoolean()).isTrue();
        assertThat(released.get("status").asText()).isEqualTo("expired");
        assertThat(released.get("hold_id")).isEqualTo(hold.get("hold_id"));
        assertThat(released.get("qty").asInt()).isEqualTo(4);
        assertThat(released.has("payment_token")).isFalse();
        assertThat(steps.counts(eventId)).containsExactly(10, 10, 0, 0);
        assertThat(api.get("/api/v1/holds/" + hold.get("hold_id").asText()).json().get("status").asText())
                .isEqualTo("expired");

        Resp again = expire(api, hold, token);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("success").asBoolean()).isFalse();
        assertThat(again.json().get("status").asText()).isEqualTo("expired");
        assertThat(steps.counts(eventId)).containsExactly(10, 10, 0, 0);
    }

    @Test
    void aHoldPastItsTtlIsAlreadyExpired() {
        String eventId = steps.newEventId(10);
        JsonNode hold = steps.hold(eventId, 4, 10);
        CLOCK.advance(Duration.ofSeconds(10));
        Resp late = expire(api, hold, hold.get("payment_token").asText());
        assertThat(late.status()).isEqualTo(200);
        assertThat(late.json().get("success").asBoolean()).isFalse();
        assertThat(steps.counts(eventId)).containsExactly(10, 10, 0, 0);
    }

    @Test
    void aBookedHoldIs409() {
        String eventId = steps.newEventId(10);
        JsonNode hold = steps.hold(eventId, 4);
        steps.book(hold);
        expire(api, hold, hold.get("payment_token").asText()).assertError(409, "HOLD_ALREADY_BOOKED");
        assertThat(steps.counts(eventId)).containsExactly(10, 6, 0, 4);
    }

    @Test
    void aWrongTokenIs403AndChangesNothing() {
        String eventId = steps.newEventId(10);
        JsonNode hold = steps.hold(eventId, 4);
        expire(api, hold, "pt_wrong").assertError(403, "INVALID_PAYMENT_TOKEN");
        assertThat(steps.counts(eventId)).containsExactly(10, 6, 4, 0);
        assertThat(steps.book(hold).status()).isEqualTo(201);
    }

    @Test
    void unknownOrMalformedHoldIs404() {
        String eventId = steps.newEventId(1);
        api.post("/api/v1/holds/" + eventId + "_AAAAAAAAAAAAAAAAAAAAAA/expire", obj("payment_token", "pt_x"))
                .assertError(404, "HOLD_NOT_FOUND");
        api.post("/api/v1/holds/garbage/expire", obj("payment_token", "pt_x")).assertError(404, "HOLD_NOT_FOUND");
    }

    @Test
    void inOpenModeAnyoneMayReleaseWithoutAToken() {
        String eventId = steps.newEventId(3);
        JsonNode hold = steps.hold(eventId, 3);
        Resp released = api.post("/api/v1/holds/" + hold.get("hold_id").asText() + "/expire", "{}");
        assertThat(released.status()).as(released.toString()).isEqualTo(200);
        assertThat(released.json().get("success").asBoolean()).isTrue();
        assertThat(steps.counts(eventId)).containsExactly(3, 3, 0, 0);
    }
}
