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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Expiry by time, without sleeping: the test moves the app's clock. */
class HoldExpiryTest {
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
    void aHoldIsActiveUntilJustBeforeItsExpiry() {
        String eventId = steps.newEventId(5);
        JsonNode hold = steps.hold(eventId, 5, 30);
        CLOCK.advance(Duration.ofSeconds(30).minusMillis(1));

        assertThat(api.get("/api/v1/holds/" + hold.get("hold_id").asText()).json().get("status").asText())
                .isEqualTo("active");
        assertThat(steps.counts(eventId)).containsExactly(5, 0, 5, 0);
        api.post("/api/v1/holds", obj("event_id", eventId, "qty", 1)).assertError(409, "INSUFFICIENT_SEATS");
    }

    @Test
    void fromExpiresAtTheSeatsAreFreeAtOnce() {
        String eventId = steps.newEventId(5);
        JsonNode hold = steps.hold(eventId, 5, 30);
        String holdId = hold.get("hold_id").asText();
        CLOCK.set(Instant.parse(hold.get("expires_at").asText()));

        JsonNode seen = api.get("/api/v1/holds/" + holdId).json();
        assertThat(seen.get("status").asText()).isEqualTo("expired");
        assertThat(seen.get("expires_at")).isEqualTo(hold.get("expires_at"));
        assertThat(steps.counts(eventId)).containsExactly(5, 5, 0, 0);

        steps.book(hold).assertError(409, "HOLD_EXPIRED");
        JsonNode next = steps.hold(eventId, 5);
        assertThat(next.get("status").asText()).isEqualTo("active");
        assertThat(steps.counts(eventId)).containsExactly(5, 0, 5, 0);
        assertThat(api.get("/api/v1/holds/" + holdId).json().get("status").asText()).isEqualTo("expired");
    }

    @Test
    void expiryIsCountedOnceAndShowsInMetrics() {
        CLOCK.advance(Duration.ofDays(1));
        sweepNow();
        JsonNode before = api.get("/api/v1/metrics").json();
        String eventId = steps.newEventId(3);
        JsonNode hold = steps.hold(eventId, 3, 10);
        CLOCK.advance(Duration.ofSeconds(11));
        steps.book(hold).assertError(409, "HOLD_EXPIRED");
        steps.book(hold).assertError(409, "HOLD_EXPIRED");
        assertThat(steps.counts(eventId)).containsExactly(3, 3, 0, 0);
        sweepNow();

        Resp expire = api.post("/api/v1/holds/" + hold.get("hold_id").asText() + "/expire",
                obj("payment_token", hold.get("payment_token").asText()));
        assertThat(expire.status()).isEqualTo(200);
        assertThat(expire.json().get("success").asBoolean()).isFalse();
        assertThat(expire.json().get("status").asText()).isEqualTo("expired");

        JsonNode after = api.get("/api/v1/metrics").json();
        assertThat(after.get("expired_holds_total").asLong() - before.get("expired_holds_total").asLong())
                .isEqualTo(1);
        assertThat(steps.counts(eventId)).containsExactly(3, 3, 0, 0);
    }

    private void sweepNow() {
        Resp sweep = BoxOfficeTestApp.admin(APP).post("/tasks/sweep-expired", "", "Content-Type", "text/plain");
        assertThat(sweep.status()).as(sweep.toString()).isEqualTo(200);
    }

    @Test
    void anExpiredHoldCannotBeBookedEvenWithTheRightToken() {
        String eventId = steps.newEventId(2);
        JsonNode hold = steps.hold(eventId, 2);
        CLOCK.advance(Duration.ofMinutes(2));
        steps.book(hold).assertError(409, "HOLD_EXPIRED");
        api.get("/api/v1/bookings/" + hold.get("hold_id").asText()).assertError(404, "BOOKING_NOT_FOUND");
        assertThat(steps.counts(eventId)).containsExactly(2, 2, 0, 0);
    }
}
