package boxoffice.testing.http;

import static boxoffice.testing.http.HttpTestClient.obj;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.testing.http.HttpTestClient.Resp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What a client of the API does, one line per step, over an {@link HttpTestClient}: create an event, hold, book,
 * release, read the counts. A step that must succeed asserts it did and returns the body; {@link #tryHold},
 * {@link #book} and {@link #release} return the answer, whatever it is. Tests of the HTTP itself use the client.
 */
public final class BoxOfficeSteps {
    private final HttpTestClient http;
    private final String[] organizer;

    /** @param organizer the headers of an organizer's calls, such as its {@code Authorization} */
    public BoxOfficeSteps(HttpTestClient http, String... organizer) {
        this.http = http;
        this.organizer = organizer;
    }

    /** Creates an event with a unique name and returns its JSON. */
    public JsonNode createEvent(int seats, String... headers) {
        Resp created = http.post("/api/v1/events",
                obj("name", "Event " + UUID.randomUUID(), "total_seats", seats),
                headers.length > 0 ? headers : organizer);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** Creates an event of this body (a unique name is added) as the organizer and returns its id. */
    public String newEvent(ObjectNode body) {
        Resp created = http.post("/api/v1/events", body.deepCopy().put("name", "Event " + UUID.randomUUID()),
                organizer);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json().get("event_id").asText();
    }

    public String newEventId(int seats) {
        return createEvent(seats).get("event_id").asText();
    }

    /** Creates an event of these sections ({@link SeatingJson}) and returns its id. */
    public String newEventWithSections(ObjectNode... sections) {
        return newEvent(obj("sections", List.of(sections)));
    }

    /** Asks for a hold of these items ({@link SeatingJson}) and returns the answer, whatever it is. */
    public Resp tryHoldItems(String eventId, ObjectNode... items) {
        return http.post("/api/v1/holds", obj("event_id", eventId, "items", List.of(items)));
    }

    /** Places a hold of these items and returns the 201 body. */
    public JsonNode holdItems(String eventId, ObjectNode... items) {
        Resp created = tryHoldItems(eventId, items);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        return created.json();
    }

    /** A reserved section's seat map: row label to its states, one character a seat. */
    public Map<String, String> seatMap(String eventId, String section) {
        Resp map = http.get("/api/v1/events/" + eventId + "/sections/" + section + "/seats");
        assertThat(map.status()).as(map.toString()).isEqualTo(200);
        Map<String, String> rows = new LinkedHashMap<>();
        map.json().get("rows").forEach(row -> rows.put(row.get("row").asText(), row.get("states").asText()));
        return rows;
    }

    /** One section's counts as {total, available, held, booked}, from the event's status. */
    public int[] sectionCounts(String eventId, String section) {
        for (JsonNode counts : status(eventId).get("sections")) {
            if (counts.get("id").asText().equals(section)) {
                return new int[] {counts.get("total").asInt(), counts.get("available").asInt(),
                        counts.get("held").asInt(), counts.get("booked").asInt()};
            }
        }
        throw new AssertionError("no section " + section + " in the status of " + eventId);
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
        assertBalanced(counts);
        int[] sums = new int[4];
        for (JsonNode section : counts.get("sections")) {
            assertBalanced(section);
            int i = 0;
            for (String field : List.of("total", "available", "held", "booked")) {
                sums[i++] += section.get(field).asInt();
            }
        }
        assertThat(sums).as("sections sum to the event in %s", counts).containsExactly(counts.get("total").asInt(),
                counts.get("available").asInt(), counts.get("held").asInt(), counts.get("booked").asInt());
        return counts;
    }

    private static void assertBalanced(JsonNode counts) {
        assertThat(counts.get("available").asInt() + counts.get("held").asInt() + counts.get("booked").asInt())
                .as("available + held + booked == total in %s", counts)
                .isEqualTo(counts.get("total").asInt());
    }

    /** A status as {total, available, held, booked}. */
    public int[] counts(String eventId) {
        JsonNode s = status(eventId);
        return new int[] {s.get("total").asInt(), s.get("available").asInt(), s.get("held").asInt(),
                s.get("booked").asInt()};
    }
}
