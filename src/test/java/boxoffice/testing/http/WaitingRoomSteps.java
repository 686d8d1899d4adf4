package boxoffice.testing.http;

import static boxoffice.testing.http.HttpTestClient.obj;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.testing.Pause;
import boxoffice.testing.http.HttpTestClient.Resp;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a buyer's client does with a waiting room, one line per step, over an {@link HttpTestClient}: join the queue,
 * look at its entry until it is admitted, hold with the token. The organizer's steps (an event with a waiting room,
 * PATCH) take the organizer's headers. A flash-sale client is these steps in a loop.
 */
public final class WaitingRoomSteps {
    public static final String TOKEN_HEADER = "Admission-Token";

    private final HttpTestClient http;

    public WaitingRoomSteps(HttpTestClient http) {
        this.http = http;
    }

    /** Creates an event of {@code seats} seats whose waiting room admits {@code ratePerMinute}; returns its id. */
    public String newEventWithWaitingRoom(int seats, int ratePerMinute, int tokenTtlSeconds, String... headers) {
        Resp created = http.post("/api/v1/events", obj("name", "Flash sale " + UUID.randomUUID(), "total_seats", seats,
                "admission", obj("rate_per_minute", ratePerMinute, "token_ttl_seconds", tokenTtlSeconds)), headers);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("event_id").asText();
    }

    /** PATCH the event's waiting room: {@code admission} an object, or null to turn it off. */
    public Resp setAdmission(String eventId, Object admission, String... headers) {
        return http.send("PATCH", "/api/v1/events/" + eventId,
                java.net.http.HttpRequest.BodyPublishers.ofString(obj("admission", admission).toString()),
                withJson(headers));
    }

    public JsonNode admission(String eventId, String... headers) {
        Resp answer = http.get("/api/v1/events/" + eventId + "/admission", headers);
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        return answer.json();
    }

    public Resp tryJoin(String eventId, String... headers) {
        return http.post("/api/v1/events/" + eventId + "/queue", (String) null, headers);
    }

    /** Joins the event's queue and returns the 201 body ({@code queue_id}, {@code position}, ...). */
    public JsonNode join(String eventId, String... headers) {
        Resp joined = tryJoin(eventId, headers);
        assertThat(joined.status()).as(joined.toString()).isEqualTo(201);
        return joined.json();
    }

    public JsonNode entry(String queueId) {
        Resp entry = http.get("/api/v1/queue/" + queueId);
        assertThat(entry.status()).as(entry.toString()).isEqualTo(200);
        return entry.json();
    }

    /** Looks at the entry until it is admitted (sleeping as long as the service estimates), returns its token. */
    public String awaitToken(String queueId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JsonNode entry = entry(queueId);
            if (entry.get("admitted").asBoolean()) {
                return entry.get("admission_token").asText();
            }
            assertThat(System.nanoTime()).as("admitted within " + timeout).isLessThan(deadline);
            long waitMillis = entry.get("estimated_wait_seconds").asLong() * 1000;
            Pause.sleep(Duration.ofMillis(Math.max(20, Math.min(500, waitMillis / 2))));
        }
    }

    /** Asks for a hold of {@code qty} seats with this admission token (null: none) and returns the answer. */
    public Resp tryHold(String eventId, int qty, String token, String... extraHeaders) {
        List<String> headers = new ArrayList<>(List.of(extraHeaders));
        if (token != null) {
            headers.add(TOKEN_HEADER);
            headers.add(token);
        }
        return http.post("/api/v1/holds", obj("event_id", eventId, "qty", qty), headers.toArray(String[]::new));
    }

    private static String[] withJson(String[] headers) {
        String[] all = java.util.Arrays.copyOf(headers, headers.length + 2);
        all[headers.length] = "Content-Type";
        all[headers.length + 1] = "application/json";
        return all;
    }
}
