package boxoffice.testing;

import static boxoffice.testing.HttpTestClient.obj;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.testing.HttpTestClient.Resp;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.UUID;

/**
 * What a client of the API does, one line per step, over an {@link HttpTestClient}: create an event, hold, book,
 * release, read the counts. A step that must succeed asserts it did and returns the body; {@link #tryHold},
 * {@link #book} and {@link #release} return the answer, whatever it is. Tests of the HTTP itself use the client.
 */
public final class BoxOfficeSteps {
    private final HttpTestClient http;

    public BoxOfficeSteps(HttpTestClient http) {
        this.http = http;
    }

    /** Creates an event with a unique name and returns its JSON. */
    public JsonNode createEvent(int seats, String... headers) {
        Resp created = http.post("/api/v1/events",
                obj("name", "Event " + UUID.randomUUID(), "total_seats", seats), headers);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    public String newEventId(int seats) {
        return createEvent(seats).get("event_id").asText();
    }

    /** Places a hold and returns the 201 body (with its payment token). */
    public JsonNode hold(String eventId, int qty) {
        Resp created = tryHold(eventId, qty);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** Asks for a hold and returns the answer, whatever it is. */
    public Resp tryHold(String eventId, int qty) {
        return http.post("/api/v1/holds", obj("event_id", eventId, "qty", qty));
    }

    public JsonNode hold(String eventId, int qty, int ttlSeconds) {
        Resp created = http.post("/api/v1/holds", obj("event_id", eventId, "qty", qty, "ttl_seconds", ttlSeconds));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    public Resp book(JsonNode hold) {
        return http.post("/api/v1/book", obj("hold_id", hold.get("hold_id").asText(),
                "payment_token", hold.get("payment_token").asText()));
    }

    /** The holder gives the hold's seats back early. */
    public Resp release(JsonNode hold) {
        return http.post("/api/v1/holds/" + hold.get("hold_id").asText() + "/expire",
                obj("payment_token", hold.get("payment_token").asText()));
    }

    public JsonNode status(String eventId) {
        Resp status = http.get("/api/v1/events/" + eventId + "/status");
        assertThat(status.status()).as(status.toString()).isEqualTo(200);
        JsonNode counts = status.json();
        assertThat(counts.get("available").asInt() + counts.get("held").asInt() + counts.get("booked").asInt())
                .as("available + held + booked == total in %s", counts)
                .isEqualTo(counts.get("total").asInt());
        return counts;
    }

    /** A status as {total, available, held, booked}. */
    public int[] counts(String eventId) {
        JsonNode s = status(eventId);
        return new int[] {s.get("total").asInt(), s.get("available").asInt(), s.get("held").asInt(),
                s.get("booked").asInt()};
    }
}
