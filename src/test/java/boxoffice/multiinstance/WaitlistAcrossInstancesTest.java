package boxoffice.multiinstance;

import static boxoffice.testing.http.HttpTestClient.obj;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.testing.FleetTier;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.Fleet;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The waiting list on three real instances sharing one Redis: while buyers join one after another (round the
 * fleet), holds are released on every instance at once and others run out under every instance's sweeper. Each seat
 * that comes back is offered once, to the first in line: the offers are the head of the line, in line order, and no
 * seat is left available while someone waits.
 */
@FleetTier
class WaitlistAcrossInstancesTest {
    private static final int SEATS = 30;
    private static final int BUYERS = 45;
    private static Fleet fleet;

    @BeforeAll
    static void startInstances() throws Exception {
        // holds of one second, swept ten times a second on every instance: expiries race the joins and releases
        fleet = Fleet.start(3, Map.of("HOLD_TTL_MIN", "1 second", "SWEEP_INTERVAL", "100 milliseconds"));
    }

    @AfterAll
    static void stopInstances() throws Exception {
        fleet.close();
    }

    @Test
    void seatsThatComeBackOnAnyInstanceAreOfferedOnceInLineOrder() throws Exception {
        String eventId = fleet.steps(0).newEventId(SEATS);
        List<JsonNode> released = new ArrayList<>();
        for (int i = 0; i < SEATS / 2; i++) {
            released.add(fleet.steps(i).hold(eventId, 1));
        }
        for (int i = SEATS / 2; i < SEATS; i++) {
            fleet.steps(i).hold(eventId, 1, 1); // runs out within a second, under the sweepers
        }
        List<JsonNode> line = new ArrayList<>();
        int buyer = 0;
        while (line.size() < 5 && buyer < BUYERS) { // a line forms before the releases start
            join(eventId, buyer++, line);
        }

        // The rest join one after another, round the fleet, so the line's order is known, while the holders release
        // on every instance at once.
        int first = buyer;
        CompletableFuture<Void> joining = CompletableFuture.runAsync(() -> {
            for (int i = first; i < BUYERS; i++) {
                join(eventId, i, line);
            }
        });
        List<Resp> releases = fleet.runAll(released.size(), i -> fleet.api(i + 1).send("DELETE",
                "/api/v1/holds/" + released.get(i).get("hold_id").asText(), HttpRequest.BodyPublishers.noBody(),
                "Hold-Token", released.get(i).get("payment_token").asText()));
        joining.get();
        Thread.sleep(1_500); // the one-second holds have run out and been swept
        fleet.admin(0).post("/tasks/sweep-expired", "");

        assertThat(releases).extracting(Resp::status).containsOnly(200);
        List<String> offered = new ArrayList<>();
        List<Integer> waitingPositions = new ArrayList<>();
        Set<String> offeredHolds = new HashSet<>();
        for (int i = 0; i < line.size(); i++) {
            JsonNode entry = lookAt(line.get(i), i);
            if (entry.get("status").asText().equals("offered")) {
                assertThat(waitingPositions).as("an entry offered after one still waiting").isEmpty();
                offered.add(entry.get("entry_id").asText());
                assertThat(offeredHolds.add(entry.get("hold_id").asText())).isTrue();
                assertThat(entry.get("hold_status").asText()).isEqualTo("active");
            } else {
                waitingPositions.add(entry.get("position").asInt());
            }
        }
        assertThat(waitingPositions).as("the rest wait in order, numbered from 1")
                .isEqualTo(java.util.stream.IntStream.rangeClosed(1, waitingPositions.size()).boxed().toList());

        JsonNode status = fleet.steps(2).status(eventId);
        assertThat(status.get("held").asInt() + status.get("booked").asInt()).isEqualTo(SEATS);
        if (!waitingPositions.isEmpty()) {
            assertThat(status.get("available").asInt()).as("no seat left free while someone waits").isZero();
        }
        List<String> offersInFeed = new ArrayList<>();
        fleet.api(1).get("/api/v1/events/" + eventId + "/changes?limit=1000").json().get("changes")
                .forEach(change -> {
                    if (change.get("type").asText().equals("waitlist.offered")) {
                        offersInFeed.add(change.get("entry_id").asText());
                    }
                });
        assertThat(offersInFeed).as("offers in line order, each once").isEqualTo(offered);
        assertThat(offered).hasSizeGreaterThan(0);
        for (int i = 0; i < fleet.size(); i++) {
            Resp audit = fleet.admin(i).post("/tasks/verify-ledger", "");
            assertThat(audit.body()).as("instance %d's audit", i).matches("(?s)checked [1-9]\\d* events, 0 drifted\\s*");
        }
    }

    /**
     * Buyer {@code i} joins, or holds a seat directly when told one is free (nobody was waiting when it came back),
     * as a client told SEATS_AVAILABLE would.
     */
    private static void join(String eventId, int i, List<JsonNode> line) {
        HttpTestClient api = fleet.api(i);
        Resp joined = api.post("/api/v1/events/" + eventId + "/waitlist", obj("customer_id", "buyer-" + i, "qty", 1));
        if (joined.status() == 201) {
            line.add(joined.json());
            return;
        }
        joined.assertError(409, "SEATS_AVAILABLE");
        Resp held = api.post("/api/v1/holds", obj("event_id", eventId, "qty", 1));
        assertThat(held.status()).as(held.toString()).isIn(201, 409);
    }

    private static JsonNode lookAt(JsonNode joined, int i) {
        Resp looked = fleet.api(i + 2).get("/api/v1/waitlist/" + joined.get("entry_id").asText(),
                "Entry-Token", joined.get("entry_token").asText());
        assertThat(looked.status()).as(looked.toString()).isEqualTo(200);
        return looked.json();
    }
}
