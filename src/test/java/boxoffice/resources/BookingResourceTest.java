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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BookingResourceTest {
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

    private static String id(JsonNode hold) {
        return hold.get("hold_id").asText();
    }

    @Test
    void booksAHold() {
        String eventId = steps.newEventId(10);
        JsonNode hold = steps.hold(eventId, 3);

        Resp booked = steps.book(hold);

        assertThat(booked.status()).isEqualTo(201);
        assertThat(booked.header("Idempotent-Replayed")).isEmpty();
        JsonNode booking = booked.json();
        String bookingId = booking.get("booking_id").asText();
        assertThat(bookingId).matches("[A-Za-z0-9_-]+");
        assertThat(booking.get("hold_id").asText()).isEqualTo(id(hold));
        assertThat(booking.get("event_id").asText()).isEqualTo(eventId);
        assertThat(booking.get("qty").asInt()).isEqualTo(3);
        assertThat(Instant.parse(booking.get("created_at").asText())).isEqualTo(CLOCK.instant());
        assertThat(booked.header("Location")).hasValue(api.base() + "/api/v1/bookings/" + bookingId);
        assertThat(steps.counts(eventId)).containsExactly(10, 7, 0, 3);

        JsonNode heldNow = api.get("/api/v1/holds/" + id(hold)).json();
        assertThat(heldNow.get("status").asText()).isEqualTo("booked");
        assertThat(heldNow.get("booking_id").asText()).isEqualTo(bookingId);

        Resp read = api.get("/api/v1/bookings/" + bookingId);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(booking);
    }

    @Test
    void aRepeatReplaysTheBookingAndBooksNothingTwice() {
        String eventId = steps.newEventId(10);
        JsonNode hold = steps.hold(eventId, 2);
        JsonNode first = steps.book(hold).json();

        Resp again = steps.book(hold);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).hasValue("true");
        assertThat(again.json()).isEqualTo(first);
        assertThat(steps.counts(eventId)).containsExactly(10, 8, 0, 2);
    }

    @Test
    void aRepeatAfterTheTtlStillReplaysTheBooking() {
        String eventId = steps.newEventId(10);
        JsonNode hold = steps.hold(eventId, 2, 10);
        JsonNode first = steps.book(hold).json();
        CLOCK.advance(Duration.ofMinutes(20));

        Resp again = steps.book(hold);

        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).hasValue("true");
        assertThat(again.json().get("booking_id")).isEqualTo(first.get("booking_id"));
        assertThat(api.get("/api/v1/holds/" + id(hold)).json().get("status").asText()).isEqualTo("booked");
        assertThat(steps.counts(eventId)).containsExactly(10, 8, 0, 2);
    }

    @Test
    void aWrongTokenIs403AndChangesNothing() {
        String eventId = steps.newEventId(10);
        JsonNode hold = steps.hold(eventId, 4);

        api.post("/api/v1/book", obj("hold_id", id(hold), "payment_token", "pt_wrong"))
                .assertError(403, "INVALID_PAYMENT_TOKEN");
        api.post("/api/v1/book", obj("hold_id", id(hold), "payment_token", hold.get("payment_token").asText() + "x"))
                .assertError(403, "INVALID_PAYMENT_TOKEN");

        assertThat(steps.counts(eventId)).containsExactly(10, 6, 4, 0);
        assertThat(api.get("/api/v1/holds/" + id(hold)).json().get("status").asText()).isEqualTo("active");
        Resp booked = steps.book(hold);
        assertThat(booked.status()).isEqualTo(201);
        assertThat(booked.header("Idempotent-Replayed")).isEmpty();
    }

    @Test
    void aWrongTokenOnABookedHoldIs403AndRevealsNoBooking() {
        JsonNode hold = steps.hold(steps.newEventId(5), 1);
        String bookingId = steps.book(hold).json().get("booking_id").asText();
        Resp refused = api.post("/api/v1/book", obj("hold_id", id(hold), "payment_token", "pt_guess"));
        refused.assertError(403, "INVALID_PAYMENT_TOKEN");
        assertThat(refused.body()).doesNotContain(bookingId);
    }

    @Test
    void anExpiredHoldIs409() {
        String eventId = steps.newEventId(10);
        JsonNode hold = steps.hold(eventId, 4, 10);
        CLOCK.advance(Duration.ofSeconds(10));

        steps.book(hold).assertError(409, "HOLD_EXPIRED");
        assertThat(steps.counts(eventId)).containsExactly(10, 10, 0, 0);
    }

    @Test
    void aReleasedHoldIs409() {
        String eventId = steps.newEventId(10);
        JsonNode hold = steps.hold(eventId, 4);
        assertThat(api.post("/api/v1/holds/" + id(hold) + "/expire",
                obj("payment_token", hold.get("payment_token").asText())).status()).isEqualTo(200);

        steps.book(hold).assertError(409, "HOLD_EXPIRED");
        assertThat(steps.counts(eventId)).containsExactly(10, 10, 0, 0);
    }

    @Test
    void anUnknownHoldIs404() {
        String eventId = steps.newEventId(1);
        api.post("/api/v1/book", obj("hold_id", eventId + "_AAAAAAAAAAAAAAAAAAAAAA", "payment_token", "pt_x"))
                .assertError(404, "HOLD_NOT_FOUND");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nope", "00000000-0000-0000-0000-000000000000", "../../etc/passwd",
            "00000000-0000-0000-0000-000000000000_short"})
    void aMalformedHoldIdIs404(String holdId) {
        api.post("/api/v1/book", obj("hold_id", holdId, "payment_token", "pt_x"))
                .assertError(404, "HOLD_NOT_FOUND");
    }

    @Test
    void missingOrBlankFieldsAre422() {
        JsonNode hold = steps.hold(steps.newEventId(1), 1);
        Resp noToken = api.post("/api/v1/book", obj("hold_id", id(hold)));
        noToken.assertError(422, "VALIDATION_FAILED");
        assertThat(noToken.fieldErrors()).containsExactly("payment_token");

        Resp blank = api.post("/api/v1/book", obj("hold_id", " ", "payment_token", ""));
        blank.assertError(422, "VALIDATION_FAILED");
        assertThat(blank.fieldErrors()).containsExactlyInAnyOrder("hold_id", "payment_token");
    }

    @Test
    void wrongTypesAre400() {
        api.post("/api/v1/book", "{\"hold_id\": 1, \"payment_token\": \"x\"}").assertError(400, "MALFORMED_REQUEST");
        api.post("/api/v1/book", "{\"hold_id\": [\"x\"], \"payment_token\": \"x\"}")
                .assertError(400, "MALFORMED_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nope", "00000000-0000-0000-0000-000000000000_AAAAAAAAAAAAAAAAAAAAAA",
            "00000000-0000-0000-0000-000000000000"})
    void unknownBookingIs404(String bookingId) {
        api.get("/api/v1/bookings/" + bookingId).assertError(404, "BOOKING_NOT_FOUND");
    }

    @Test
    void aHoldIdIsNotABookingId() {
        JsonNode hold = steps.hold(steps.newEventId(1), 1);
        steps.book(hold);
        api.get("/api/v1/bookings/" + id(hold)).assertError(404, "BOOKING_NOT_FOUND");
    }
}
