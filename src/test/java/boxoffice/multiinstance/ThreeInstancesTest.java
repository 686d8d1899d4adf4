package boxoffice.multiinstance;

import static boxoffice.testing.http.SeatingJson.best;
import static boxoffice.testing.http.SeatingJson.reserved;
import static boxoffice.testing.http.SeatingJson.row;
import static boxoffice.testing.http.SeatingJson.seats;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.testing.FleetTier;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.process.Fleet;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Three real service processes on one real Redis, requests spread over all three, as behind a load balancer: no
 * seat is sold twice or beyond the total, whichever instance answers.
 */
@FleetTier
class ThreeInstancesTest {
    private static final int SEATS = 100;
    private static final int HOLD_REQUESTS = 1_500;
    private static final int RESERVED_HOLD_REQUESTS = 1_000;

    private static Fleet fleet;

    @BeforeAll
    static void startInstances() throws Exception {
        fleet = Fleet.start(3, Map.of());
    }

    @AfterAll
    static void stopInstances() throws Exception {
        fleet.close();
    }

    @Test
    void concurrentHoldsBooksAndReleasesAcrossInstancesAddUpExactly() throws Exception {
        String eventId = fleet.steps(0).newEventId(SEATS);

        List<Resp> answers = fleet.runAll(HOLD_REQUESTS, i -> fleet.steps(i % 3).tryHold(eventId, 1 + i % 3));

        assertThat(answers).extracting(Resp::status).containsOnly(201, 409);
        List<JsonNode> granted = answers.stream().filter(a -> a.status() == 201).map(Resp::json).toList();
        assertThat(granted.stream().mapToInt(hold -> hold.path("qty").asInt()).sum()).isEqualTo(SEATS);
        for (BoxOfficeSteps instance : fleet.everyInstance()) {
            assertThat(counts(instance.status(eventId))).containsExactly(SEATS, 0, SEATS, 0);
        }

        // Book two holds in three, each twice on two different instances; release the rest from a third one.
        Map<String, Set<String>> bookingsByHold = new ConcurrentHashMap<>();
        List<Resp> books = fleet.runAll(granted.size() * 2, i -> {
            JsonNode hold = granted.get(i / 2);
            int n = i / 2;
            if (n % 3 == 2) {
                return fleet.steps(i % 3).release(hold);
            }
            Resp answer = fleet.steps((n + i) % 3).book(hold);
            if (answer.status() == 201) {
                bookingsByHold.computeIfAbsent(hold.path("hold_id").asText(), id -> ConcurrentHashMap.newKeySet())
                        .add(answer.json().path("booking_id").asText());
            }
            return answer;
        });

        assertThat(books).extracting(Resp::status).containsOnly(200, 201);
        int bookedSeats = 0;
        int releasedSeats = 0;
        for (int n = 0; n < granted.size(); n++) {
            String holdId = granted.get(n).path("hold_id").asText();
            int qty = granted.get(n).path("qty").asInt();
            if (n % 3 == 2) {
                releasedSeats += qty;
                assertThat(fleet.api(n % 3).get("/api/v1/holds/" + holdId).json().path("status").asText())
                        .isEqualTo("expired");
            } else {
                bookedSeats += qty;
                assertThat(bookingsByHold.get(holdId)).as("one booking for hold " + holdId).hasSize(1);
            }
        }
        for (BoxOfficeSteps instance : fleet.everyInstance()) {
            assertThat(counts(instance.status(eventId))).containsExactly(SEATS, releasedSeats, 0, bookedSeats);
        }
    }

    /**
     * A reserved section of 300 seats, 1,000 holds at once across the three instances, by name and best available:
     * no seat is in two live holds, the seat map holds exactly the seats granted; then bookings and releases move
     * exactly their seats, and every seat is accounted for once.
     */
    @Test
    void reservedSeatsAcrossInstancesAreTakenOnceAndTheSeatMapAgrees() throws Exception {
        String eventId = fleet.steps(0).newEventWithSections(reserved("hall",
                IntStream.range(0, 15).mapToObj(r -> row(String.valueOf((char) ('A' + r)), 20))
                        .toArray(ObjectNode[]::new)));
        Random random = new Random(7);
        List<ObjectNode> asked = new ArrayList<>();
        for (int i = 0; i < RESERVED_HOLD_REQUESTS; i++) {
            asked.add(i % 4 == 0 ? seats("hall", (char) ('A' + random.nextInt(15)) + "-" + (1 + random.nextInt(20)))
                    : best("hall", 1 + i % 2, i % 3 != 0, false));
        }

        List<Resp> answers = fleet.runAll(asked.size(), i -> fleet.steps(i).tryHoldItems(eventId, asked.get(i)));

        assertThat(answers).extracting(Resp::status).containsOnly(201, 409);
        List<JsonNode> granted = answers.stream().filter(a -> a.status() == 201).map(Resp::json).toList();
        List<String> heldSeats = granted.stream().flatMap(hold -> seatsOf(hold).stream()).toList();
        assertThat(new HashSet<>(heldSeats)).as("no seat in two live holds").hasSameSizeAs(heldSeats);
        for (BoxOfficeSteps instance : fleet.everyInstance()) {
            assertThat(seatsIn(instance.seatMap(eventId, "hall"), 'H')).isEqualTo(new HashSet<>(heldSeats));
        }

        List<Resp> changes = fleet.runAll(granted.size(), n -> n % 2 == 0 ? fleet.steps(n % 3).book(granted.get(n))
                : fleet.steps((n + 1) % 3).release(granted.get(n)));
        assertThat(changes).extracting(Resp::status).containsOnly(200, 201);

        Set<String> booked = new HashSet<>();
        Set<String> released = new HashSet<>();
        for (int n = 0; n < granted.size(); n++) {
            (n % 2 == 0 ? booked : released).addAll(seatsOf(granted.get(n)));
        }
        Map<String, String> map = fleet.steps(2).seatMap(eventId, "hall");
        assertThat(seatsIn(map, 'B')).isEqualTo(booked);
        assertThat(seatsIn(map, 'H')).isEmpty();
        assertThat(seatsIn(map, 'A')).hasSize(300 - booked.size()).containsAll(released);
        for (BoxOfficeSteps instance : fleet.everyInstance()) {
            assertThat(instance.sectionCounts(eventId, "hall")).containsExactly(300, 300 - booked.size(), 0,
                    booked.size());
        }
    }

    /**
     * 600 holds at once on 100 seats across the three instances, then every granted hold booked at once, also across
     * them: the event's feed, read page by page, lists every acknowledged
     * hold and booking exactly once, nothing refused, numbered 1, 2, 3... with nothing skipped.
     */
    @Test
    void theFeedListsEveryAcknowledgedChangeOnceInSequence() throws Exception {
        String eventId = fleet.steps(0).newEventId(SEATS);
        List<Resp> holds = fleet.runAll(600, i -> fleet.steps(i).tryHold(eventId, 1));
        List<JsonNode> granted = holds.stream().filter(a -> a.status() == 201).map(Resp::json).toList();
        List<Resp> bookings = fleet.runAll(granted.size(), i -> fleet.steps(i + 1).book(granted.get(i)));
        assertThat(holds).extracting(Resp::status).containsOnly(201, 409);
        assertThat(bookings).extracting(Resp::status).containsOnly(201);

        List<JsonNode> feed = new ArrayList<>();
        long after = 0;
        while (true) {
            Resp page = fleet.api(2).get("/api/v1/events/" + eventId + "/changes?limit=1000&after=" + after);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().path("changes").forEach(feed::add);
            if (page.json().path("next_after").asLong() == after) {
                break;
            }
            after = page.json().path("next_after").asLong();
        }

        assertThat(feed).extracting(change -> change.path("seq").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, feed.size()).boxed().toList());
        assertThat(idsOf(feed, "hold.created", "hold_id")).as("every granted hold once")
                .containsExactlyInAnyOrderElementsOf(granted.stream().map(h -> h.path("hold_id").asText()).toList());
        assertThat(idsOf(feed, "booking.created", "booking_id")).as("every booking once")
                .containsExactlyInAnyOrderElementsOf(bookings.stream()
                        .map(b -> b.json().path("booking_id").asText()).toList());
        assertThat(feed).extracting(change -> change.path("type").asText())
                .containsOnly("event.created", "hold.created", "booking.created");
    }

    private static List<String> idsOf(List<JsonNode> feed, String type, String field) {
        return feed.stream().filter(change -> change.path("type").asText().equals(type))
                .map(change -> change.path(field).asText()).toList();
    }

    private static List<String> seatsOf(JsonNode hold) {
        List<String> seats = new ArrayList<>();
        hold.path("items").forEach(item -> item.path("seats").forEach(seat -> seats.add(seat.asText())));
        return seats;
    }

    /** The labels of the seats of the map in a state. */
    private static Set<String> seatsIn(Map<String, String> map, char state) {
        Set<String> seats = new HashSet<>();
        map.forEach((row, states) -> {
            for (int i = 0; i < states.length(); i++) {
                if (states.charAt(i) == state) {
                    seats.add(row + "-" + (i + 1));
                }
            }
        });
        return seats;
    }

    private static List<Integer> counts(JsonNode status) {
        return List.of(status.path("total").asInt(), status.path("available").asInt(), status.path("held").asInt(),
                status.path("booked").asInt());
    }
}
