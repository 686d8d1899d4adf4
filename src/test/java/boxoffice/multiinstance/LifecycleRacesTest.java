package boxoffice.multiinstance;

import static boxoffice.testing.http.HttpTestClient.obj;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.testing.FleetTier;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.Fleet;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lifecycle's races on three real instances sharing one Redis: a customer's limit under 200 concurrent holds,
 * extensions racing the sweeper and lazy expiry at the moment holds run out, and cancellations racing replayed
 * bookings. Each ends with the ledger audit of every instance's store: nothing counted twice.
 */
@FleetTier
class LifecycleRacesTest {
    private static final String CUSTOMER = "scalper@example.com";
    private static Fleet fleet;

    @BeforeAll
    static void startInstances() throws Exception {
        // holds of one second, swept ten times a second: the races happen within the test's time
        fleet = Fleet.start(3, Map.of("HOLD_TTL_MIN", "1 second", "SWEEP_INTERVAL", "100 milliseconds"));
    }

    @AfterAll
    static void stopInstances() throws Exception {
        fleet.close();
    }

    /** (a) 200 holds of 1–2 seats at once for one customer limited to 4: never more than 4 held and booked. */
    @Test
    void aCustomersSeatsNeverPassTheLimit() throws Exception {
        String eventId = fleet.steps(0).newEvent(obj("total_seats", 100, "max_per_customer", 4));
        AtomicBoolean racing = new AtomicBoolean(true);
        List<Integer> sampled = new ArrayList<>();
        CompletableFuture<Void> sampler = CompletableFuture.runAsync(() -> {
            for (int i = 0; racing.get(); i++) {
                JsonNode status = fleet.steps(i).status(eventId);
                sampled.add(status.get("held").asInt() + status.get("booked").asInt());
                sampled.add(seatsOf(fleet.api(i + 1).get(customerPath(eventId))));
            }
        });

        // Each granted hold is booked (one in four) or released at once, which makes room for more.
        List<Resp> answers = fleet.runAll(200, i -> {
            Resp held = fleet.api(i).post("/api/v1/holds",
                    obj("event_id", eventId, "qty", 1 + i % 2, "customer_id", CUSTOMER));
            if (held.status() == 201) {
                Resp after = i % 4 == 0 ? fleet.steps(i + 1).book(held.json()) : release(fleet.api(i + 2), held.json());
                assertThat(after.status()).as(after.toString()).isIn(200, 201);
            }
            return held;
        });
        racing.set(false);
        sampler.get();

        assertThat(answers).extracting(Resp::status).containsOnly(201, 409);
        assertThat(answers.stream().filter(a -> a.status() == 409))
                .allSatisfy(refused -> assertThat(refused.json().get("error_code").asText())
                        .isEqualTo("CUSTOMER_LIMIT_EXCEEDED"));
        assertThat(answers).filteredOn(a -> a.status() == 201).hasSizeGreaterThan(4);
        assertThat(sampled).as("seats held + booked, sampled while racing").isNotEmpty().allSatisfy(seats ->
                assertThat(seats).isBetween(0, 4));
        JsonNode status = fleet.steps(2).status(eventId);
        int holding = seatsOf(fleet.api(0).get(customerPath(eventId)));
        assertThat(holding).isBetween(1, 4).isEqualTo(status.get("held").asInt() + status.get("booked").asInt());
        assertAuditBalanced();
    }

    /**
     * (b) Holds of one second, each extended by its holder just as it runs out, while the sweeper releases due holds
     * every 100 ms and new holds on the event expire due ones lazily: each ends extended or expired, never both.
     */
    @Test
    void anExtensionAndTheExpiryOfAHoldNeverBothWin() throws Exception {
        int holds = 40;
        String eventId = fleet.steps(0).newEventId(holds * 2 + 200);
        List<Resp> placing = fleet.runAll(holds, i -> fleet.api(i).post("/api/v1/holds",
                obj("event_id", eventId, "qty", 2, "ttl_seconds", 3)));
        assertThat(placing).extracting(Resp::status).containsOnly(201);
        List<JsonNode> placed = placing.stream().map(Resp::json).toList();

        AtomicInteger lazy = new AtomicInteger();
        List<Resp> extensions = fleet.runAll(holds * 2, i -> {
            JsonNode hold = placed.get(i / 2);
            // each hold's extension, and a new hold beside it, from 150 ms before its expiry to 150 ms after
            sleepUntil(Instant.parse(hold.get("expires_at").asText()).plusMillis((i / 2) % 31 * 10 - 150));
            if (i % 2 == 1) { // a mutation of the event: it releases the holds due first
                lazy.incrementAndGet();
                return fleet.steps(i).tryHold(eventId, 1);
            }
            return fleet.api(i + 1).post("/api/v1/holds/" + hold.get("hold_id").asText() + "/extend",
                    obj("payment_token", hold.get("payment_token").asText(), "ttl_seconds", 60));
        });

        int extendedSeats = 0;
        int outcomes = 0;
        for (int n = 0; n < holds; n++) {
            Resp answer = extensions.get(n * 2);
            JsonNode stored = fleet.api(n).get("/api/v1/holds/" + placed.get(n).get("hold_id").asText()).json();
            if (answer.status() == 200) {
                assertThat(stored.get("status").asText()).as("extended, so active: %s", stored).isEqualTo("active");
                assertThat(stored.get("expires_at")).isEqualTo(answer.json().get("expires_at"));
                extendedSeats += 2;
            } else {
                answer.assertError(409, "HOLD_EXPIRED");
                assertThat(stored.get("status").asText()).as("refused, so expired: %s", stored).isEqualTo("expired");
            }
            outcomes++;
        }
        assertThat(outcomes).as("%d holds extended, the others expired", extendedSeats / 2).isEqualTo(holds);
        assertThat(lazy.get()).isEqualTo(holds);
        int newHolds = (int) extensions.stream().filter(a -> a.status() == 201).count();
        JsonNode status = fleet.steps(1).status(eventId);
        assertThat(status.get("held").asInt()).as("each seat counted once: extended ones and the new holds")
                .isEqualTo(extendedSeats + newHolds);
        assertAuditBalanced();
    }

    /** (c) A booking cancelled while its hold's booking is replayed on other instances: one booking, cancelled. */
    @Test
    void aCancellationRacingReplayedBookingsGivesTheSeatsBackOnce() throws Exception {
        int holds = 40;
        String eventId = fleet.steps(0).newEventId(holds * 3);
        List<JsonNode> placed = new ArrayList<>();
        List<String> bookingIds = new ArrayList<>();
        for (int n = 0; n < holds; n++) {
            JsonNode hold = fleet.steps(n).hold(eventId, 3);
            placed.add(hold);
            Resp booked = fleet.steps(n + 1).book(hold);
            assertThat(booked.status()).as(booked.toString()).isEqualTo(201);
            bookingIds.add(booked.json().get("booking_id").asText());
        }
        long cancelledBefore = fleet.api(0).get("/api/v1/metrics").json().get("total_bookings_cancelled").asLong();

        // Per booking: two cancellations and three replays of its booking, on all three instances at once.
        List<Resp> answers = fleet.runAll(holds * 5, i -> {
            int n = i / 5;
            return i % 5 < 2
                    ? fleet.api(i).post("/api/v1/bookings/" + bookingIds.get(n) + "/cancel", obj("reason", "race"))
                    : fleet.steps(i).book(placed.get(n));
        });

        for (int n = 0; n < holds; n++) {
            Set<String> bookingsSeen = new HashSet<>();
            for (Resp answer : answers.subList(n * 5, n * 5 + 5)) {
                assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
                bookingsSeen.add(answer.json().get("booking_id").asText());
            }
            assertThat(bookingsSeen).as("one booking per hold").containsExactly(bookingIds.get(n));
            JsonNode booking = fleet.api(n).get("/api/v1/bookings/" + bookingIds.get(n)).json();
            assertThat(booking.get("status").asText()).isEqualTo("cancelled");
        }
        assertThat(fleet.steps(2).counts(eventId)).containsExactly(holds * 3, holds * 3, 0, 0);
        assertThat(fleet.api(1).get("/api/v1/metrics").json().get("total_bookings_cancelled").asLong())
                .isEqualTo(cancelledBefore + holds);
        assertAuditBalanced();
    }

    private static String customerPath(String eventId) {
        return "/api/v1/events/" + eventId + "/customers/" + CUSTOMER;
    }

    /** The seats in a customer's active holds and confirmed bookings. */
    private static int seatsOf(Resp answer) {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(200);
        JsonNode customer = answer.json();
        int seats = 0;
        for (String list : List.of("holds", "bookings")) {
            for (JsonNode entry : customer.get(list)) {
                seats += entry.get("qty").asInt();
            }
        }
        return seats;
    }

    private static Resp release(HttpTestClient api, JsonNode hold) {
        return api.send("DELETE", "/api/v1/holds/" + hold.get("hold_id").asText(),
                HttpRequest.BodyPublishers.noBody(), "Hold-Token", hold.get("payment_token").asText());
    }

    /** The ledger audit, run now by each instance's admin task: every event's counts match its records. */
    private static void assertAuditBalanced() {
        for (int i = 0; i < fleet.size(); i++) {
            Resp audit = fleet.admin(i).post("/tasks/verify-ledger", "");
            assertThat(audit.status()).as(audit.toString()).isEqualTo(200);
            assertThat(audit.body()).as("instance %d's audit", i).matches("(?s)checked [1-9]\\d* events, 0 drifted\\s*");
        }
    }

    private static void sleepUntil(Instant when) {
        try {
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), when).toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
