package boxoffice.resources;

import static boxoffice.testing.http.HttpTestClient.obj;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.domain.Ids;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.http.WaitingRoomSteps;
import boxoffice.testing.process.BoxOfficeTestApp;
import boxoffice.waitlist.WaitlistResource;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The waiting list through real HTTP: joining a sold-out event, its position, the hold offered when seats come back
 * (and booked with its payment token), leaving, the feed's {@code waitlist.offered}, and every refusal. A subclass
 * runs them on one store ({@link WaitlistOnMemoryTest}, {@link WaitlistOnRedisTest}).
 */
abstract class WaitlistHttpContract {
    static final String KEY = "org-key-waitlist";
    static final String[] ORGANIZER = {"Authorization", "Bearer " + KEY};

    private final DropwizardAppExtension<BoxOfficeConfiguration> app;
    private final MutableClock clock;
    private HttpTestClient api;
    private BoxOfficeSteps steps;

    WaitlistHttpContract(DropwizardAppExtension<BoxOfficeConfiguration> app, MutableClock clock) {
        this.app = app;
        this.clock = clock;
    }

    @BeforeEach
    void client() {
        api = BoxOfficeTestApp.api(app);
        steps = new BoxOfficeSteps(api, ORGANIZER);
    }

    private String soldOut(int seats) {
        String eventId = steps.newEventId(seats);
        steps.hold(eventId, seats);
        return eventId;
    }

    private Resp join(String eventId, Object... fields) {
        return api.post("/api/v1/events/" + eventId + "/waitlist", obj(fields));
    }

    private JsonNode joined(String eventId, String customer, int qty) {
        Resp joined = join(eventId, "customer_id", customer, "qty", qty);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        return joined.json();
    }

    private Resp look(JsonNode entry, String... headers) {
        return api.get("/api/v1/waitlist/" + entry.get("entry_id").asText(), headers);
    }

    private JsonNode looked(JsonNode entry) {
        Resp looked = look(entry, WaitlistResource.ENTRY_TOKEN, entry.get("entry_token").asText());
        assertThat(looked.status()).as(looked.toString()).isEqualTo(200);
        return looked.json();
    }

    private Resp leave(JsonNode entry, String... headers) {
        return api.send("DELETE", "/api/v1/waitlist/" + entry.get("entry_id").asText(),
                HttpRequest.BodyPublishers.noBody(), headers);
    }

    private String[] tokenOf(JsonNode entry) {
        return new String[] {WaitlistResource.ENTRY_TOKEN, entry.get("entry_token").asText()};
    }

    @Test
    void aBuyerJoinsASoldOutEventIsOfferedReturnedSeatsAndBooksThem() {
        String eventId = steps.newEventId(2);
        JsonNode hold = steps.hold(eventId, 2);
        Resp first = join(eventId, "customer_id", "crm-1", "qty", 2);
        JsonNode second = joined(eventId, "crm-2", 1);

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Location").orElseThrow()).endsWith("/api/v1/waitlist/"
                + first.json().get("entry_id").asText());
        assertThat(first.json().get("position").asInt()).isEqualTo(1);
        assertThat(first.json().get("status").asText()).isEqualTo("waiting");
        assertThat(first.json().get("entry_token").asText()).startsWith("et_");
        assertThat(second.get("position").asInt()).isEqualTo(2);
        assertThat(looked(second).get("position").asInt()).isEqualTo(2);

        assertThat(steps.release(hold).status()).isEqualTo(200);

        JsonNode offered = looked(first.json());
        assertThat(offered.get("status").asText()).isEqualTo("offered");
        assertThat(offered.get("hold_status").asText()).isEqualTo("active");
        assertThat(offered.has("position")).isFalse();
        assertThat(looked(second).get("position").asInt()).isEqualTo(1);
        Resp booking = steps.book(offered);
        assertThat(booking.status()).as(booking.toString()).isEqualTo(201);
        assertThat(steps.counts(eventId)).containsExactly(2, 0, 0, 2);

        Resp feed = api.get("/api/v1/events/" + eventId + "/changes", ORGANIZER);
        List<String> types = new ArrayList<>();
        feed.json().get("changes").forEach(change -> types.add(change.get("type").asText()));
        assertThat(types).containsSubsequence("hold.released", "hold.created", "waitlist.offered",
                "booking.created");
        feed.json().get("changes").forEach(change -> {
            if (change.get("type").asText().equals("waitlist.offered")) {
                assertThat(change.get("entry_id").asText()).isEqualTo(first.json().get("entry_id").asText());
                assertThat(change.get("hold_id").asText()).isEqualTo(offered.get("hold_id").asText());
                assertThat(change.has("payment_token")).isFalse();
            }
        });
    }

    @Test
    void anOfferNotBookedExpiresAndTheNextInLineIsOffered() {
        String eventId = steps.newEventId(1);
        JsonNode hold = steps.hold(eventId, 1);
        JsonNode first = joined(eventId, "crm-1", 1);
        JsonNode second = joined(eventId, "crm-2", 1);
        steps.release(hold);
        JsonNode offer = looked(first);

        clock.advance(Duration.ofMinutes(10));
        Resp swept = BoxOfficeTestApp.admin(app).post("/tasks/sweep-expired", "");
        assertThat(swept.status()).as(swept.toString()).isEqualTo(200);

        assertThat(looked(first).get("hold_status").asText()).isEqualTo("expired");
        assertThat(looked(second).get("status").asText()).isEqualTo("offered");
        assertThat(steps.book(offer).status()).isEqualTo(409);
        assertThat(steps.counts(eventId)).containsExactly(1, 0, 1, 0);
    }

    @Test
    void aWaitingBuyerMayLeaveTheLine() {
        String eventId = steps.newEventId(1);
        JsonNode hold = steps.hold(eventId, 1);
        JsonNode leaving = joined(eventId, "crm-1", 1);
        JsonNode staying = joined(eventId, "crm-2", 1);

        Resp left = leave(leaving, tokenOf(leaving));
        assertThat(left.status()).as(left.toString()).isEqualTo(200);
        assertThat(left.json().get("status").asText()).isEqualTo("left");
        assertThat(leave(leaving, tokenOf(leaving)).status()).isEqualTo(200);
        steps.release(hold);

        assertThat(looked(leaving).get("status").asText()).isEqualTo("left");
        assertThat(looked(staying).get("status").asText()).isEqualTo("offered");
        leave(staying, tokenOf(staying)).assertError(409, "WAITLIST_ENTRY_OFFERED");
        leave(staying).assertError(401, "UNAUTHORIZED");
        leave(staying, WaitlistResource.ENTRY_TOKEN, "et_wrong").assertError(403, "INVALID_ENTRY_TOKEN");
    }

    @Test
    void aJoinRepeatedWithItsIdempotencyKeyReturnsTheSamePlace() {
        String eventId = soldOut(1);
        String[] key = {"Idempotency-Key", UUID.randomUUID().toString()};
        Resp first = api.post("/api/v1/events/" + eventId + "/waitlist", obj("customer_id", "crm-1", "qty", 1), key);
        Resp again = api.post("/api/v1/events/" + eventId + "/waitlist", obj("customer_id", "crm-1", "qty", 1), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.json().get("entry_id")).isEqualTo(first.json().get("entry_id"));
        assertThat(again.json().get("entry_token")).isEqualTo(first.json().get("entry_token"));
        api.post("/api/v1/events/" + eventId + "/waitlist", obj("customer_id", "crm-1", "qty", 2), key)
                .assertError(422, "IDEMPOTENCY_KEY_REUSED");
    }

    @Test
    void everyBadJoinIsRefusedWithItsReasonAndChangesNothing() {
        String eventId = soldOut(2);
        join(steps.newEventId(5), "customer_id", "crm-1", "qty", 2).assertError(409, "SEATS_AVAILABLE");
        join(eventId, "qty", 1).assertError(422, "VALIDATION_FAILED");
        join(eventId, "customer_id", "", "qty", 1).assertError(422, "VALIDATION_FAILED");
        join(eventId, "customer_id", "x".repeat(300), "qty", 1).assertError(422, "VALIDATION_FAILED");
        join(eventId, "customer_id", "crm-1").assertError(422, "VALIDATION_FAILED");
        join(eventId, "customer_id", "crm-1", "qty", 0).assertError(422, "VALIDATION_FAILED");
        join(eventId, "customer_id", "crm-1", "qty", 100_000).assertError(422, "VALIDATION_FAILED");
        join(eventId, "customer_id", "crm-1", "qty", 1, "section", "balcony").assertError(422, "VALIDATION_FAILED");
        join(eventId, "customer_id", "crm-1", "qty", 1, "section", " ").assertError(422, "VALIDATION_FAILED");
        api.post("/api/v1/events/" + eventId + "/waitlist", "{\"customer_id\": \"crm-1\", \"qty\": \"two\"}")
                .assertError(400, "MALFORMED_REQUEST");
        api.post("/api/v1/events/" + eventId + "/waitlist", "").assertError(400, "MALFORMED_REQUEST");
        join(UUID.randomUUID().toString(), "customer_id", "crm-1", "qty", 1).assertError(404, "EVENT_NOT_FOUND");
        join("not-an-event", "customer_id", "crm-1", "qty", 1).assertError(404, "EVENT_NOT_FOUND");

        JsonNode entry = joined(eventId, "crm-1", 1);
        assertThat(entry.get("position").asInt()).isEqualTo(1); // none of the refusals took a place
    }

    /** Issue 27: entries for more seats than there are kept those behind them waiting while seats went on sale. */
    @Test
    void anEntryForMoreSeatsThanTheSectionHasIsRefusedAndOneThatFitsIsServedBeforeOneThatDoesNot() {
        String eventId = steps.newEventId(5);
        steps.hold(eventId, 4);
        JsonNode last = steps.hold(eventId, 1);
        Resp tooMany = join(eventId, "customer_id", "crm-greedy", "qty", 6).assertError(422, "VALIDATION_FAILED");
        assertThat(tooMany.fieldErrors()).containsExactly("qty");
        JsonNode head = joined(eventId, "crm-group", 5);
        JsonNode fan = joined(eventId, "crm-fan", 1);
        assertThat(fan.get("position").asInt()).as("the refused entry took no place").isEqualTo(2);

        steps.release(last);

        assertThat(looked(fan).get("status").asText()).isEqualTo("offered");
        assertThat(looked(head).get("status").asText()).isEqualTo("waiting");
        assertThat(looked(head).get("position").asInt()).isEqualTo(1);
        assertThat(steps.counts(eventId)).containsExactly(5, 0, 5, 0);
    }

    /** Issue 27: the waiting list was a way around an event's waiting room. */
    @Test
    void onAnEventWithAWaitingRoomOnlyAnAdmittedBuyerJoinsAndIsOfferedSeatsAsThatBuyer() {
        WaitingRoomSteps room = new WaitingRoomSteps(api);
        String eventId = room.newEventWithWaitingRoom(2, 60, 600, ORGANIZER);
        String holder = room.entry(room.join(eventId).get("queue_id").asText()).get("admission_token").asText();
        Resp held = room.tryHold(eventId, 2, holder);
        assertThat(held.status()).as(held.toString()).isEqualTo(201);
        String queueId = room.join(eventId).get("queue_id").asText();
        clock.advance(Duration.ofSeconds(1));
        String[] admitted = {WaitingRoomSteps.TOKEN_HEADER, room.entry(queueId).get("admission_token").asText()};

        join(eventId, "customer_id", "crm-1", "qty", 1).assertError(403, "ADMISSION_REQUIRED");
        api.post("/api/v1/events/" + eventId + "/waitlist", obj("customer_id", "crm-1", "qty", 1),
                WaitingRoomSteps.TOKEN_HEADER, "at.forged").assertError(403, "ADMISSION_INVALID");
        api.post("/api/v1/events/" + eventId + "/waitlist", obj("customer_id", "crm-1", "qty", 1), admitted)
                .assertError(422, "VALIDATION_FAILED");
        Resp joined = api.post("/api/v1/events/" + eventId + "/waitlist", obj("qty", 1), admitted);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        assertThat(joined.json().get("position").asInt()).as("the refusals took no place").isEqualTo(1);

        steps.release(held.json());

        JsonNode offer = looked(joined.json());
        assertThat(offer.get("status").asText()).isEqualTo("offered");
        JsonNode offered = api.get("/api/v1/holds/" + offer.get("hold_id").asText()).json();
        Resp ownHold = room.tryHold(eventId, 1, admitted[1]);
        assertThat(ownHold.status()).as(ownHold.toString()).isEqualTo(201);
        assertThat(offered.get("customer_id")).as("the admitted buyer").isEqualTo(ownHold.json().get("customer_id"));
        assertThat(offered.toString()).doesNotContain(Ids.suffixOf(queueId));
    }

    @Test
    void anEntryIsShownOnlyToTheHolderOfItsToken() {
        JsonNode entry = joined(soldOut(1), "crm-1", 1);

        look(entry).assertError(401, "UNAUTHORIZED");
        look(entry, WaitlistResource.ENTRY_TOKEN, "et_wrong").assertError(403, "INVALID_ENTRY_TOKEN");
        api.get("/api/v1/waitlist/" + entry.get("event_id").asText() + "_AAAAAAAAAAAAAAAAAAAAAA",
                WaitlistResource.ENTRY_TOKEN, "et_x").assertError(404, "WAITLIST_ENTRY_NOT_FOUND");
        api.get("/api/v1/waitlist/nonsense", WaitlistResource.ENTRY_TOKEN, "et_x")
                .assertError(404, "WAITLIST_ENTRY_NOT_FOUND");
        assertThat(looked(entry).get("status").asText()).isEqualTo("waiting");
    }
}
