package boxoffice.resources;

import static boxoffice.testing.http.HttpTestClient.obj;
import static io.dropwizard.testing.ConfigOverride.config;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.domain.Ids;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.http.WaitingRoomSteps;
import boxoffice.testing.process.BoxOfficeTestApp;
import boxoffice.waitingroom.AdmissionToken;
import boxoffice.waitingroom.AdmissionTokens;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Waiting rooms through HTTP on the memory store, with a clock the test moves: admission is a function of time. */
class WaitingRoomTest {
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final String KEY = "organizer-key-for-waiting-rooms";
    private static final String TOKEN_KEY = "a-token-key-of-at-least-thirty-two-bytes";
    private static final String[] ORGANIZER = {"Authorization", "Bearer " + KEY};

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP = BoxOfficeTestApp.create(CLOCK,
            BoxOfficeTestApp.organizerKeys(KEY), config("admission.tokenKey", TOKEN_KEY));

    private HttpTestClient api;
    private WaitingRoomSteps buyer;

    @BeforeEach
    void client() {
        api = BoxOfficeTestApp.api(APP);
        buyer = new WaitingRoomSteps(api);
    }

    @Test
    void anEventWithAWaitingRoomHoldsOnlyForAdmittedBuyers() {
        String eventId = buyer.newEventWithWaitingRoom(100, 60, 600, ORGANIZER);

        Resp refused = buyer.tryHold(eventId, 2, null).assertError(403, "ADMISSION_REQUIRED");
        assertThat(refused.json().get("queue_url").asText()).isEqualTo("/api/v1/events/" + eventId + "/queue");
        assertThat(refused.json().get("error").asText()).as("the feature has one name")
                .contains("join it, wait for your turn").doesNotContain("queue");

        Resp joined = buyer.tryJoin(eventId);
        assertThat(joined.status()).isEqualTo(201);
        String first = joined.json().get("queue_id").asText();
        assertThat(first).startsWith(eventId + "_");
        assertThat(joined.header("Location")).as("absolute, like every Location")
                .hasValue(api.base() + "/api/v1/queue/" + first);
        assertThat(joined.json().get("position").asLong()).as("an idle room admits at once").isZero();
        JsonNode second = buyer.join(eventId);
        assertThat(second.get("position").asLong()).isEqualTo(1);
        assertThat(second.get("estimated_wait_seconds").asLong()).isEqualTo(1);

        JsonNode admitted = buyer.entry(first);
        assertThat(admitted.get("admitted").asBoolean()).isTrue();
        assertThat(Instant.parse(admitted.get("expires_at").asText()))
                .isEqualTo(CLOCK.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS).plusSeconds(600));
        Resp held = buyer.tryHold(eventId, 2, admitted.get("admission_token").asText());
        assertThat(held.status()).as(held.toString()).isEqualTo(201);

        JsonNode waiting = buyer.entry(second.get("queue_id").asText());
        assertThat(waiting.get("admitted").asBoolean()).isFalse();
        assertThat(waiting.has("admission_token")).isFalse();
        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(buyer.entry(second.get("queue_id").asText()).get("admitted").asBoolean()).isTrue();
    }

    /** One admission is one customer: its seats count against max_per_customer, whatever customer_id says. */
    @Test
    void anAdmissionHoldsAtMostTheEventsSeatsPerCustomer() {
        Resp created = api.post("/api/v1/events", obj("name", "Limited flash sale", "total_seats", 100,
                "max_per_customer", 4, "admission", obj("rate_per_minute", 60)), ORGANIZER);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String eventId = created.json().get("event_id").asText();
        String queueId = buyer.join(eventId).get("queue_id").asText();
        String token = buyer.entry(queueId).get("admission_token").asText();

        Resp first = buyer.tryHold(eventId, 3, token);
        Resp overTheLimit = buyer.tryHold(eventId, 2, token).assertError(409, "CUSTOMER_LIMIT_EXCEEDED");
        Resp someoneElse = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 1, "customer_id", "someone-else"),
                WaitingRoomSteps.TOKEN_HEADER, token).assertError(422, "VALIDATION_FAILED");

        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(first.json().get("customer_id").asText()).as("an id that grants nothing")
                .startsWith("admitted_").doesNotContain(Ids.suffixOf(queueId));
        assertThat(overTheLimit.json().get("used").asInt()).isEqualTo(3);
        assertThat(someoneElse.body()).contains("customer_id");
        assertThat(buyer.tryHold(eventId, 1, token).status()).as("the last seat of the four").isEqualTo(201);
    }

    @Test
    void entriesAreAdmittedInJoinOrderAtTheRate() {
        String eventId = buyer.newEventWithWaitingRoom(100, 120, 600, ORGANIZER);
        List<String> queue = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            queue.add(buyer.join(eventId).get("queue_id").asText());
        }
        for (int step = 0; step < 10; step++) {
            for (int i = 0; i < queue.size(); i++) {
                JsonNode entry = buyer.entry(queue.get(i));
                assertThat(entry.get("admitted").asBoolean()).as("entry %d after %d intervals", i, step)
                        .isEqualTo(i <= step);
                if (i > step) {
                    assertThat(entry.get("position").asLong()).isEqualTo(i - step);
                }
            }
            CLOCK.advance(Duration.ofMillis(500));
        }
        JsonNode figures = buyer.admission(eventId, ORGANIZER);
        assertThat(figures.get("admission").get("rate_per_minute").asInt()).isEqualTo(120);
        assertThat(figures.get("queue").get("joined").asLong()).isEqualTo(10);
        assertThat(figures.get("queue").get("admitted").asLong()).isEqualTo(10);
        assertThat(figures.get("queue").get("waiting").asLong()).isZero();
        assertThat(BoxOfficeTestApp.admin(APP).get("/prometheus").body()).as("the names in ops/METRICS.md")
                .contains("boxoffice_waiting_room_rooms ", "boxoffice_waiting_room_entries_joined ",
                        "boxoffice_waiting_room_entries_admitted ", "boxoffice_waiting_room_entries_waiting ",
                        "boxoffice_waiting_room_rate_per_minute ", "boxoffice_waiting_room_joined_total ",
                        "boxoffice_waiting_room_admitted_total ", "boxoffice_waiting_room_refused_no_token_total ",
                        "boxoffice_waiting_room_refused_invalid_token_total ",
                        "boxoffice_ratelimit_client_rejected_total ", "boxoffice_ratelimit_organizer_rejected_total ")
                .doesNotContain("boxoffice_admission_");
    }

    @Test
    void aRepeatedJoinWithTheSameKeyGetsTheSamePlace() {
        String eventId = buyer.newEventWithWaitingRoom(10, 1, 600, ORGANIZER);
        buyer.join(eventId);
        String key = UUID.randomUUID().toString();

        JsonNode first = buyer.join(eventId, "Idempotency-Key", key);
        Resp again = buyer.tryJoin(eventId, "Idempotency-Key", key);

        assertThat(again.status()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).contains("true");
        assertThat(again.json().get("queue_id")).isEqualTo(first.get("queue_id"));
        assertThat(again.json().get("position")).isEqualTo(first.get("position"));
        assertThat(buyer.admission(eventId, ORGANIZER).get("queue").get("joined").asLong()).isEqualTo(2);
    }

    @Test
    void forgedExpiredOtherEventsAndEarlierRoomsTokensAreRefused() {
        String eventId = buyer.newEventWithWaitingRoom(10, 60, 60, ORGANIZER);
        String otherId = buyer.newEventWithWaitingRoom(10, 60, 60, ORGANIZER);
        String entryId = buyer.join(eventId).get("queue_id").asText();
        String token = buyer.entry(entryId).get("admission_token").asText();
        String otherToken = buyer.entry(buyer.join(otherId).get("queue_id").asText()).get("admission_token").asText();
        AdmissionToken claims = new AdmissionTokens(List.of(TOKEN_KEY)).read(token);

        buyer.tryHold(eventId, 1, token.substring(0, token.length() - 2) + "xx").assertError(403, "ADMISSION_INVALID");
        buyer.tryHold(eventId, 1, new AdmissionTokens(List.of("another-key-of-at-least-thirty-two-bytes"))
                .sign(claims)).assertError(403, "ADMISSION_INVALID");
        buyer.tryHold(eventId, 1, "not a token").assertError(403, "ADMISSION_INVALID");
        buyer.tryHold(eventId, 1, otherToken).assertError(403, "ADMISSION_INVALID");
        assertThat(buyer.tryHold(eventId, 1, token).status()).isEqualTo(201);

        CLOCK.advance(Duration.ofSeconds(60));
        assertThat(buyer.tryHold(eventId, 1, token).assertError(403, "ADMISSION_INVALID").json().get("error").asText())
                .endsWith("; join the waiting room again");
        assertThat(buyer.entry(entryId).get("expires_at").asText()).as("a token's expiry does not move")
                .isEqualTo(claims.expiresAt().toString());

        String fresh = buyer.entry(buyer.join(eventId).get("queue_id").asText()).get("admission_token").asText();
        buyer.setAdmission(eventId, null, ORGANIZER);
        CLOCK.advance(Duration.ofMillis(1));
        buyer.setAdmission(eventId, obj("rate_per_minute", 60), ORGANIZER);
        buyer.tryHold(eventId, 1, fresh).assertError(403, "ADMISSION_INVALID"); // a token of the room before
        assertThat(new BoxOfficeSteps(api).counts(eventId)).containsExactly(10, 9, 1, 0);
    }

    @Test
    void organizersTurnTheRoomOnChangeItAndTurnItOff() {
        BoxOfficeSteps organizer = new BoxOfficeSteps(api);
        String eventId = organizer.createEvent(10, ORGANIZER).get("event_id").asText();
        buyer.tryJoin(eventId).assertError(409, "ADMISSION_NOT_REQUIRED");
        assertThat(buyer.admission(eventId, ORGANIZER).get("admission").isNull()).isTrue();
        assertThat(buyer.tryHold(eventId, 1, null).status()).isEqualTo(201);

        buyer.setAdmission(eventId, obj("rate_per_minute", 30)).assertError(401, "UNAUTHORIZED");
        buyer.setAdmission(eventId, obj("rate_per_minute", 0), ORGANIZER).assertError(422, "VALIDATION_FAILED");
        Resp on = buyer.setAdmission(eventId, obj("rate_per_minute", 30), ORGANIZER);
        assertThat(on.status()).as(on.toString()).isEqualTo(200);
        assertThat(on.json().get("admission").get("token_ttl_seconds").asLong()).as("the default").isEqualTo(600);
        buyer.tryHold(eventId, 1, null).assertError(403, "ADMISSION_REQUIRED");
        String entryId = buyer.join(eventId).get("queue_id").asText();

        Resp unchanged = api.send("PATCH", "/api/v1/events/" + eventId,
                java.net.http.HttpRequest.BodyPublishers.ofString("{}"), "Content-Type", "application/json",
                ORGANIZER[0], ORGANIZER[1]);
        assertThat(unchanged.json().get("admission").get("rate_per_minute").asInt()).isEqualTo(30);
        assertThat(buyer.setAdmission(eventId, obj("rate_per_minute", 90, "token_ttl_seconds", 120), ORGANIZER)
                .json().get("queue").get("joined").asLong()).as("a change keeps the queue").isEqualTo(1);

        Resp off = buyer.setAdmission(eventId, null, ORGANIZER);
        assertThat(off.status()).isEqualTo(200);
        assertThat(off.json().get("admission").isNull()).isTrue();
        assertThat(off.json().get("queue").isNull()).isTrue();
        assertThat(buyer.tryHold(eventId, 1, null).status()).isEqualTo(201);
        api.get("/api/v1/queue/" + entryId).assertError(404, "QUEUE_NOT_FOUND");
        buyer.setAdmission(UUID.randomUUID().toString(), null, ORGANIZER).assertError(404, "EVENT_NOT_FOUND");
    }

    @Test
    void unknownQueuesAndEventsAreNotFound() {
        assertThat(api.get("/api/v1/queue/nope").assertError(404, "QUEUE_NOT_FOUND").json().get("error").asText())
                .isEqualTo("Waiting-room entry not found: nope");
        api.get("/api/v1/queue/" + UUID.randomUUID() + "_AAAAAAAAAAAAAAAAAAAAAA").assertError(404, "QUEUE_NOT_FOUND");
        buyer.tryJoin(UUID.randomUUID().toString()).assertError(404, "EVENT_NOT_FOUND");
        buyer.tryJoin("not-an-id").assertError(404, "EVENT_NOT_FOUND");
        api.get("/api/v1/events/" + UUID.randomUUID() + "/admission", ORGANIZER).assertError(404, "EVENT_NOT_FOUND");
    }
}
