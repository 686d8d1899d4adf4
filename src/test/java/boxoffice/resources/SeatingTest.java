package boxoffice.resources;

import static boxoffice.testing.http.HttpTestClient.obj;
import static boxoffice.testing.http.SeatingJson.best;
import static boxoffice.testing.http.SeatingJson.generalAdmission;
import static boxoffice.testing.http.SeatingJson.qty;
import static boxoffice.testing.http.SeatingJson.reserved;
import static boxoffice.testing.http.SeatingJson.row;
import static boxoffice.testing.http.SeatingJson.seats;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.BoxOfficeTestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Sections and reserved seats through real HTTP: charts, holds of items, refusals, the seat map. */
class SeatingTest {
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

    /** Hamlet: stalls of rows A (10 seats, 1 and 2 for wheelchairs) and B (12), and standing for 50. */
    private String hamlet() {
        return steps.newEventWithSections(reserved("stalls", row("A", 10, 1, 2), row("B", 12)),
                generalAdmission("standing", 50));
    }

    @Test
    void anEventOfSectionsIsAnsweredAsCreatedWithTotals() {
        Resp created = api.post("/api/v1/events", obj("name", "  Hamlet ", "sections", List.of(
                reserved("stalls", row("A", 10, 2, 1), row("B", 12)), generalAdmission("standing", 50))));

        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        JsonNode event = created.json();
        assertThat(event.get("name").asText()).isEqualTo("Hamlet");
        assertThat(event.get("total_seats").asInt()).isEqualTo(72);
        assertThat(event.get("sections")).isEqualTo(HttpTestClient.JSON.valueToTree(List.of(
                obj("id", "stalls", "name", "Section stalls", "total", 22, "rows", List.of(
                        obj("row", "A", "seats", 10, "accessible", List.of(1, 2)), obj("row", "B", "seats", 12))),
                obj("id", "standing", "name", "Section standing", "total", 50, "capacity", 50))));
        assertThat(api.get("/api/v1/events/" + event.get("event_id").asText()).json()).isEqualTo(event);
        assertThat(steps.sectionCounts(event.get("event_id").asText(), "stalls")).containsExactly(22, 22, 0, 0);
    }

    @Test
    void theOriginalEventHasOneGeneralAdmissionSection() {
        String eventId = steps.newEventId(30);
        JsonNode event = api.get("/api/v1/events/" + eventId).json();
        assertThat(event.get("sections")).isEqualTo(HttpTestClient.JSON.valueToTree(List.of(
                obj("id", "general", "name", "General admission", "total", 30, "capacity", 30))));
        steps.holdItems(eventId, qty("general", 3));
        steps.hold(eventId, 2);
        assertThat(steps.sectionCounts(eventId, "general")).containsExactly(30, 25, 5, 0);
    }

    static Stream<Arguments> badCharts() {
        ObjectNode both = generalAdmission("x", 5).set("rows", HttpTestClient.JSON.valueToTree(List.of(row("A", 2))));
        List<ObjectNode> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(generalAdmission("s" + i, 1));
        }
        return Stream.of(
                Arguments.of("capacity and rows", List.of(both), "sections[0]"),
                Arguments.of("neither", List.of(obj("id", "x")), "sections[0]"),
                Arguments.of("no sections", List.of(), "sections"),
                Arguments.of("an id with capitals", List.of(generalAdmission("Stalls", 5)), "sections[0].id"),
                Arguments.of("an id of 41", List.of(generalAdmission("x".repeat(41), 5)), "sections[0].id"),
                Arguments.of("a section twice", List.of(generalAdmission("a", 5), generalAdmission("a", 5)),
                        "sections[1].id"),
                Arguments.of("no capacity", List.of(generalAdmission("a", 0)), "sections[0].capacity"),
                Arguments.of("no rows", List.of(reserved("a")), "sections[0].rows"),
                Arguments.of("a bad row label", List.of(reserved("a", row("A-1", 3))), "sections[0].rows[0].row"),
                Arguments.of("a row label of 9", List.of(reserved("a", row("ABCDEFGHI", 3))), "sections[0].rows[0].row"),
                Arguments.of("a row twice", List.of(reserved("a", row("A", 3), row("A", 4))),
                        "sections[0].rows[1].row"),
                Arguments.of("a row of no seats", List.of(reserved("a", row("A", 0))), "sections[0].rows[0].seats"),
                Arguments.of("a wheelchair seat outside the row", List.of(reserved("a", row("A", 3, 4))),
                        "sections[0].rows[0].accessible"),
                Arguments.of("more than 100 sections", tooMany, "sections"),
                Arguments.of("more than 200,000 seats", List.of(generalAdmission("a", 150_000),
                        generalAdmission("b", 50_001)), "sections"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCharts")
    void aBadChartIs422NamingTheField(String why, List<ObjectNode> sections, String field) {
        Resp refused = api.post("/api/v1/events", obj("name", "Bad", "sections", sections));
        refused.assertError(422, "VALIDATION_FAILED");
        assertThat(refused.fieldErrors()).as(refused.toString()).containsExactly(field);
    }

    @Test
    void totalSeatsAndSectionsTogetherIs422() {
        Resp refused = api.post("/api/v1/events", obj("name", "Both", "total_seats", 5,
                "sections", List.of(generalAdmission("a", 5))));
        refused.assertError(422, "VALIDATION_FAILED");
        assertThat(refused.fieldErrors()).containsExactly("sections");
    }

    @Test
    void aChartOf200000SeatsFitsTheEventBodyLimit() {
        List<ObjectNode> rows = new ArrayList<>();
        for (int r = 0; r < 1_000; r++) {
            rows.add(row("R" + r, 200, 1, 2, 199, 200));
        }
        Resp created = api.post("/api/v1/events", obj("name", "Stadium", "sections",
                List.of(reserved("bowl", rows.toArray(ObjectNode[]::new)))));
        assertThat(created.status()).as(created.toString().substring(0, 300)).isEqualTo(201);
        assertThat(created.json().get("total_seats").asInt()).isEqualTo(200_000);
        String eventId = created.json().get("event_id").asText();
        JsonNode hold = steps.holdItems(eventId, best("bowl", 4));
        assertThat(hold.get("items").get(0).get("seats")).hasToString("[\"R0-99\",\"R0-100\",\"R0-101\",\"R0-102\"]");
        assertThat(steps.seatMap(eventId, "bowl").get("R0")).isEqualTo("A".repeat(98) + "HHHH" + "A".repeat(98));
    }

    /** Issue 27: a hold of a hundred picks of one on a 200,000-seat row once sorted the row a hundred times. */
    @Test
    void aHundredPicksOfOneOnA200000SeatRowTakeTheMiddleSeatsOutward() {
        String eventId = steps.newEventWithSections(reserved("floor", row("A", 200_000)));
        for (boolean together : new boolean[] {false, true}) {
            ObjectNode[] picks = new ObjectNode[100];
            Arrays.fill(picks, best("floor", 1, together, false));
            JsonNode hold = steps.holdItems(eventId, picks);

            List<String> taken = new ArrayList<>();
            hold.get("items").forEach(item -> taken.add(item.get("seats").get(0).asText()));
            List<String> outward = new ArrayList<>();
            for (int rank = together ? 100 : 0; rank < (together ? 200 : 100); rank++) {
                outward.add("A-" + (rank % 2 == 0 ? 100_000 - rank / 2 : 100_001 + rank / 2)); // left, then right
            }
            assertThat(taken).as("together " + together).isEqualTo(outward);
        }
        assertThat(steps.seatMap(eventId, "floor").get("A"))
                .isEqualTo("A".repeat(99_900) + "H".repeat(200) + "A".repeat(99_900));
    }

    @Test
    void otherBodiesKeepTheirSmallLimit() {
        api.post("/api/v1/holds", "{\"event_id\": \"" + UUID.randomUUID() + "\", \"qty\": 1, \"pad\": \""
                + "x".repeat(20_000) + "\"}").assertError(413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aHoldOfItemsGrantsExactSeatsAllOrNothing() {
        String eventId = hamlet();
        JsonNode hold = steps.holdItems(eventId, qty("standing", 2), seats("stalls", "A-5", "A-6"),
                best("stalls", 3));

        assertThat(hold.get("qty").asInt()).isEqualTo(7);
        assertThat(hold.get("items")).isEqualTo(HttpTestClient.JSON.valueToTree(List.of(
                obj("section", "standing", "qty", 2),
                obj("section", "stalls", "qty", 2, "seats", List.of("A-5", "A-6")),
                obj("section", "stalls", "qty", 3, "seats", List.of("A-7", "A-8", "A-9")))));
        assertThat(steps.seatMap(eventId, "stalls")).as("row A first; either block there strands a seat")
                .containsExactly(Map.entry("A", "AAAAHHHHHA"), Map.entry("B", "AAAAAAAAAAAA"));
        assertThat(steps.sectionCounts(eventId, "stalls")).containsExactly(22, 17, 5, 0);
        assertThat(steps.sectionCounts(eventId, "standing")).containsExactly(50, 48, 2, 0);
        assertThat(api.get("/api/v1/holds/" + hold.get("hold_id").asText()).json().get("items"))
                .isEqualTo(hold.get("items"));
    }

    @Test
    void bookingAndReleasingMoveTheExactSeats() {
        String eventId = hamlet();
        JsonNode booked = steps.holdItems(eventId, seats("stalls", "B-1", "B-2"));
        JsonNode released = steps.holdItems(eventId, seats("stalls", "B-3"));
        JsonNode booking = steps.book(booked).json();
        steps.release(released);

        assertThat(booking.get("items")).isEqualTo(booked.get("items"));
        assertThat(api.get("/api/v1/bookings/" + booking.get("booking_id").asText()).json().get("items"))
                .isEqualTo(booked.get("items"));
        assertThat(steps.seatMap(eventId, "stalls").get("B")).isEqualTo("BBAAAAAAAAAA");
        assertThat(steps.sectionCounts(eventId, "stalls")).containsExactly(22, 20, 0, 2);
    }

    @Test
    void anExpiredHoldsSeatsAreAvailableInTheMapAtOnce() {
        String eventId = hamlet();
        api.post("/api/v1/holds", obj("event_id", eventId, "items", List.of(seats("stalls", "A-9")),
                "ttl_seconds", 60));
        assertThat(steps.seatMap(eventId, "stalls").get("A")).isEqualTo("AAAAAAAAHA");

        CLOCK.advance(Duration.ofSeconds(61));

        assertThat(steps.seatMap(eventId, "stalls").get("A")).isEqualTo("AAAAAAAAAA");
        assertThat(steps.sectionCounts(eventId, "stalls")).containsExactly(22, 22, 0, 0);
        steps.holdItems(eventId, seats("stalls", "A-9"));
    }

    @Test
    void seatsTakenAlreadyAre409NamingThemAndNothingIsHeld() {
        String eventId = hamlet();
        steps.holdItems(eventId, seats("stalls", "A-5", "A-6"));

        Resp refused = steps.tryHoldItems(eventId, qty("standing", 1), seats("stalls", "A-4", "A-5", "A-6"));

        refused.assertError(409, "SEATS_UNAVAILABLE");
        assertThat(refused.json().get("unavailable")).hasToString("[\"A-5\",\"A-6\"]");
        assertThat(steps.sectionCounts(eventId, "standing")).containsExactly(50, 50, 0, 0);
        assertThat(steps.seatMap(eventId, "stalls").get("A")).isEqualTo("AAAAHHAAAA");
    }

    @Test
    void tooFewSeatsInASectionIs409WithTheSection() {
        String eventId = hamlet();
        Resp refused = steps.tryHoldItems(eventId, seats("stalls", "A-3"), qty("standing", 51));
        refused.assertError(409, "INSUFFICIENT_SEATS");
        assertThat(refused.json().get("section").asText()).isEqualTo("standing");
        assertThat(refused.json().get("available").asInt()).isEqualTo(50);
        assertThat(steps.seatMap(eventId, "stalls").get("A")).isEqualTo("AAAAAAAAAA");

        Resp best = steps.tryHoldItems(eventId, best("stalls", 21));
        best.assertError(409, "INSUFFICIENT_SEATS");
        assertThat(best.json().get("available").asInt()).as("wheelchair seats are not offered unasked").isEqualTo(20);
    }

    @Test
    void noBlockTogetherIs409WithTheLargestBlock() {
        String eventId = steps.newEventWithSections(reserved("stalls", row("A", 6), row("B", 6)));
        steps.holdItems(eventId, seats("stalls", "A-3", "B-2", "B-5"));

        Resp refused = steps.tryHoldItems(eventId, best("stalls", 4));

        refused.assertError(409, "NO_ADJACENT_SEATS");
        assertThat(refused.json().get("largest_block").asInt()).isEqualTo(3);
        assertThat(refused.json().get("section").asText()).isEqualTo("stalls");
        JsonNode apart = steps.holdItems(eventId, best("stalls", 4, false, false));
        assertThat(apart.get("items").get(0).get("seats")).as("row A's four nearest its middle")
                .hasToString("[\"A-1\",\"A-2\",\"A-4\",\"A-5\"]");
    }

    @Test
    void bestAvailableSkipsWheelchairSeatsUnlessAskedAndAvoidsOrphans() {
        String eventId = steps.newEventWithSections(reserved("stalls", row("A", 10, 5, 6), row("B", 10)));
        JsonNode pair = steps.holdItems(eventId, best("stalls", 2));
        assertThat(pair.get("items").get(0).get("seats")).hasToString("[\"A-3\",\"A-4\"]");
        JsonNode wheelchair = steps.holdItems(eventId, best("stalls", 2, true, true));
        assertThat(wheelchair.get("items").get(0).get("seats")).hasToString("[\"A-5\",\"A-6\"]");
        steps.holdItems(eventId, seats("stalls", "B-3"));
        JsonNode nextPair = steps.holdItems(eventId, best("stalls", 2, true, false));
        assertThat(nextPair.get("items").get(0).get("seats")).as("A-7/A-8 would strand nothing, nor would A-8/A-9;"
                + " A-7/A-8 is nearer the middle").hasToString("[\"A-7\",\"A-8\"]");
    }

    static Stream<Arguments> badItems() {
        return Stream.of(
                Arguments.of("an unknown section", List.of(qty("balcony", 1)), "items[0].section"),
                Arguments.of("qty of a reserved section", List.of(qty("stalls", 1)), "items[0].qty"),
                Arguments.of("seats of general admission", List.of(seats("standing", "A-1")), "items[0].seats"),
                Arguments.of("best of general admission", List.of(best("standing", 1)), "items[0].best_available"),
                Arguments.of("an unknown seat", List.of(seats("stalls", "A-11")), "items[0].seats"),
                Arguments.of("a seat label of nothing", List.of(seats("stalls", "Z-1")), "items[0].seats"),
                Arguments.of("a seat twice", List.of(seats("stalls", "A-3"), seats("stalls", "A-3")),
                        "items[1].seats"),
                Arguments.of("qty and seats", List.of(obj("section", "stalls", "qty", 1, "seats", List.of("A-1"))),
                        "items[0]"),
                Arguments.of("nothing asked", List.of(obj("section", "stalls")), "items[0]"),
                Arguments.of("together without best", List.of(obj("section", "standing", "qty", 1, "together", true)),
                        "items[0].together"),
                Arguments.of("no section", List.of(obj("qty", 1)), "items[0].section"),
                Arguments.of("no items", List.of(), "items"),
                Arguments.of("zero seats", List.of(qty("standing", 0)), "items[0]"),
                Arguments.of("more than the most a hold may have", List.of(qty("standing", 50), best("stalls", 51)),
                        "items"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badItems")
    void aBadItemIs422NamingTheFieldAndHoldsNothing(String why, List<ObjectNode> items, String field) {
        String eventId = hamlet();
        Resp refused = steps.tryHoldItems(eventId, items.toArray(ObjectNode[]::new));
        refused.assertError(422, "VALIDATION_FAILED");
        assertThat(refused.fieldErrors()).as(refused.toString()).containsExactly(field);
        assertThat(steps.counts(eventId)).containsExactly(72, 72, 0, 0);
    }

    @Test
    void theOriginalQtyNeedsAnEventOfOneGeneralAdmissionSection() {
        steps.tryHold(hamlet(), 1).assertError(422, "VALIDATION_FAILED");
        String reservedOnly = steps.newEventWithSections(reserved("stalls", row("A", 5)));
        Resp refused = steps.tryHold(reservedOnly, 1);
        refused.assertError(422, "VALIDATION_FAILED");
        assertThat(refused.fieldErrors()).containsExactly("qty");
        api.post("/api/v1/holds", obj("event_id", reservedOnly, "qty", 1, "items", List.of(best("stalls", 1))))
                .assertError(422, "VALIDATION_FAILED");
    }

    @Test
    void anIdempotencyKeyComparesTheWholeParsedRequest() {
        String eventId = hamlet();
        String key = UUID.randomUUID().toString();
        Resp first = api.post("/api/v1/holds", obj("event_id", eventId, "items", List.of(best("stalls", 2))),
                "Idempotency-Key", key);
        Resp replay = api.post("/api/v1/holds", obj("event_id", eventId, "items",
                List.of(obj("best_available", 2, "section", "stalls", "together", true))), "Idempotency-Key", key);
        assertThat(replay.header("Idempotent-Replayed")).hasValue("true");
        assertThat(replay.json()).isEqualTo(first.json());
        api.post("/api/v1/holds", obj("event_id", eventId, "items", List.of(best("stalls", 2, false, false))),
                "Idempotency-Key", key).assertError(422, "IDEMPOTENCY_KEY_REUSED");
        assertThat(steps.sectionCounts(eventId, "stalls")).containsExactly(22, 20, 2, 0);
    }

    @Test
    void theSeatMapOfNoReservedSectionIs404() {
        String eventId = hamlet();
        api.get("/api/v1/events/" + eventId + "/sections/standing/seats").assertError(404, "SECTION_NOT_FOUND");
        api.get("/api/v1/events/" + eventId + "/sections/balcony/seats").assertError(404, "SECTION_NOT_FOUND");
        api.get("/api/v1/events/" + UUID.randomUUID() + "/sections/stalls/seats").assertError(404, "EVENT_NOT_FOUND");
        api.get("/api/v1/events/nope/sections/stalls/seats").assertError(404, "EVENT_NOT_FOUND");
    }
}
