package boxoffice.resources;

import static boxoffice.testing.http.SeatingJson.best;
import static boxoffice.testing.http.SeatingJson.reserved;
import static boxoffice.testing.http.SeatingJson.row;
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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code GET /api/v1/events/{id}/changes} through real HTTP on the embedded default: what each change carries (and
 * that payment tokens never appear), paging with {@code next_after}, the organizer's key, refused cursors and limits,
 * and {@code 410 CURSOR_EXPIRED} once the retention has passed. The store contract checks the same feed on Redis.
 */
class ChangeFeedTest {
    private static final String KEY = "org-key-feed";
    private static final String[] ORGANIZER = {"Authorization", "Bearer " + KEY};
    private static final MutableClock CLOCK = MutableClock.startingNow();

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP =
            BoxOfficeTestApp.create(CLOCK, BoxOfficeTestApp.organizerKeys(KEY));

    private HttpTestClient api;
    private BoxOfficeSteps steps;

    @BeforeEach
    void client() {
        api = BoxOfficeTestApp.api(APP);
        steps = new BoxOfficeSteps(api, ORGANIZER);
    }

    private Resp changes(String eventId, String query, String... headers) {
        return api.get("/api/v1/events/" + eventId + "/changes" + query, headers);
    }

    private JsonNode page(String eventId, String query) {
        Resp page = changes(eventId, query, ORGANIZER);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        return page.json();
    }

    private static List<String> field(JsonNode page, String name) {
        List<String> values = new ArrayList<>();
        page.get("changes").forEach(change -> values.add(change.path(name).asText(null)));
        return values;
    }

    @Test
    void everyChangeOfAHoldsLifeIsInTheFeedWithoutItsPaymentToken() {
        String eventId = steps.newEventWithSections(reserved("stalls", row("A", 6)));
        JsonNode hold = steps.holdItems(eventId, best("stalls", 2));
        Resp booked = steps.book(hold);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
        String bookingId = booked.json().get("booking_id").asText();
        Resp cancelled = api.send("POST", "/api/v1/bookings/" + bookingId + "/cancel",
                HttpRequest.BodyPublishers.ofString("{\"reason\": \"double booked\"}"),
                "Content-Type", "application/json", ORGANIZER[0], ORGANIZER[1]);
        assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);

        Resp read = changes(eventId, "", ORGANIZER);

        assertThat(read.status()).as(read.toString()).isEqualTo(200);
        JsonNode page = read.json();
        assertThat(field(page, "type")).containsExactly("event.created", "hold.created", "booking.created",
                "booking.cancelled");
        assertThat(field(page, "seq")).containsExactly("1", "2", "3", "4");
        assertThat(page.get("next_after").asLong()).isEqualTo(4);
        JsonNode created = page.get("changes").get(1);
        assertThat(created.get("event_id").asText()).isEqualTo(eventId);
        assertThat(created.get("hold_id").asText()).isEqualTo(hold.get("hold_id").asText());
        assertThat(created.get("qty").asInt()).isEqualTo(2);
        assertThat(created.get("items")).isEqualTo(hold.get("items"));
        assertThat(created.get("expires_at").asText()).isEqualTo(hold.get("expires_at").asText());
        assertThat(created.get("at").isTextual()).isTrue();
        assertThat(page.get("changes").get(3).get("booking_id").asText()).isEqualTo(bookingId);
        assertThat(page.get("changes").get(3).get("reason").asText()).isEqualTo("double booked");
        assertThat(read.body()).doesNotContain(hold.get("payment_token").asText(), "payment_token");
    }

    @Test
    void theFeedIsReadPageByPageFromNextAfter() {
        String eventId = steps.newEventId(10);
        for (int i = 0; i < 4; i++) {
            steps.hold(eventId, 1);
        }

        JsonNode first = page(eventId, "?limit=2");
        JsonNode second = page(eventId, "?after=" + first.get("next_after").asLong() + "&limit=2");
        JsonNode last = page(eventId, "?after=" + second.get("next_after").asLong() + "&limit=2");
        JsonNode nothingYet = page(eventId, "?after=" + last.get("next_after").asLong());

        assertThat(field(first, "seq")).containsExactly("1", "2");
        assertThat(field(second, "seq")).containsExactly("3", "4");
        assertThat(field(last, "seq")).containsExactly("5");
        assertThat(nothingYet.get("changes")).isEmpty();
        assertThat(nothingYet.get("next_after").asLong()).isEqualTo(5);
    }

    @Test
    void onlyOrganizersReadTheFeed() {
        String eventId = steps.newEventId(10);

        changes(eventId, "").assertError(401, "UNAUTHORIZED");
        changes(eventId, "", "Authorization", "Bearer not-the-key").assertError(403, "FORBIDDEN");
    }

    @ParameterizedTest
    @CsvSource({"?after=-1, after", "?after=x, after", "?after=2, after", "?limit=0, limit", "?limit=1001, limit",
        "?limit=ten, limit"})
    void aBadCursorOrLimitIsRefusedNamingIt(String query, String field) {
        String eventId = steps.newEventId(10);

        Resp refused = changes(eventId, query, ORGANIZER).assertError(422, "VALIDATION_FAILED");

        assertThat(refused.body()).contains("\"" + field + "\"");
    }

    @Test
    void anUnknownEventHasNoFeed() {
        changes("evt_doesnotexist000000000", "", ORGANIZER).assertError(404, "EVENT_NOT_FOUND");
    }

    @Test
    void aCursorFromBeforeTheRetentionIsGoneAndSaysWhereToStartAgain() {
        String eventId = steps.newEventId(10);
        steps.hold(eventId, 1);
        CLOCK.advance(Duration.ofDays(7).plusMinutes(1));
        steps.hold(eventId, 1);

        Resp expired = changes(eventId, "?after=0", ORGANIZER).assertError(410, "CURSOR_EXPIRED");

        assertThat(expired.json().get("error").asText()).contains("after=2");
        JsonNode kept = page(eventId, "?after=2");
        assertThat(field(kept, "type")).containsExactly("hold.expired", "hold.created");
    }
}
