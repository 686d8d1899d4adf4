package boxoffice.multiinstance;

import static boxoffice.testing.http.HttpTestClient.obj;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.testing.FleetTier;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.http.SeatingJson;
import boxoffice.testing.http.SseStream.Message;
import boxoffice.testing.http.SseStream;
import boxoffice.testing.process.Fleet;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live availability on two real instances sharing one Redis: a client of one instance hears, within a second, a
 * hold made on the other (the watcher polls the store, not its own instance's requests); and a thousand clients on
 * one instance, while holds hammer the event through both, all end with the final counts, with the instance's heap
 * (read from its admin metrics) printed for bench/README.md.
 */
@FleetTier
class LiveAvailabilityAcrossInstancesTest {
    private static final int CLIENTS = 1_000;
    private static final int HOLDS = 400;

    private static Fleet fleet;

    @BeforeAll
    static void startFleet() throws Exception {
        // Every client here comes from one loopback address: lift the per-address cap (SSE_MAX_PER_CLIENT) past them.
        fleet = Fleet.start(2, Map.of("SSE_HEARTBEAT", "5 seconds", "SSE_MAX_PER_CLIENT", "2000"));
    }

    @AfterAll
    static void stopFleet() throws Exception {
        if (fleet != null) {
            fleet.close();
        }
    }

    private static SseStream subscribe(int instance, String eventId) {
        return SseStream.open(URI.create(fleet.api(instance).base() + "/api/v1/events/" + eventId + "/availability"));
    }

    @Test
    void aHoldMadeOnOneInstanceReachesAClientOfTheOtherWithinASecond() throws Exception {
        String eventId = fleet.steps(0).newEventWithSections(SeatingJson.generalAdmission("floor", 100));
        try (SseStream onB = subscribe(1, eventId)) {
            assertThat(onB.await(message -> true, Duration.ofSeconds(5))).isPresent();

            Resp held = fleet.api(0).post("/api/v1/holds", obj("event_id", eventId, "qty", 3));
            Instant acknowledged = Instant.now();
            assertThat(held.status()).as(held.toString()).isEqualTo(201);

            Message seen = onB.await(message -> message.json().get("held").asInt() == 3, Duration.ofSeconds(3))
                    .orElseThrow(() -> new AssertionError("instance B never told of the hold: " + onB.messages()));
            assertThat(Duration.between(acknowledged, seen.receivedAt())).isLessThan(Duration.ofSeconds(1));
            assertThat(seen.json()).isEqualTo(fleet.steps(1).status(eventId));
        }
    }

    @Test
    void aThousandClientsOnOneInstanceAllGetTheFinalCountsWhileHoldsHammerTheEvent() throws Exception {
        String eventId = fleet.steps(0).newEventWithSections(SeatingJson.generalAdmission("floor", HOLDS * 2));
        long heapBefore = heapAfterGc(0);
        List<SseStream> clients = new ArrayList<>();
        try {
            for (int i = 0; i < CLIENTS; i++) {
                clients.add(subscribe(0, eventId));
            }
            for (SseStream client : clients) {
                assertThat(client.await(message -> true, Duration.ofSeconds(30))).as("first message").isPresent();
            }
            assertThat(gauge(0, "boxoffice.live.clients")).isEqualTo(CLIENTS);
            long heapWithClients = heapAfterGc(0);

            List<Resp> holds = fleet.runAll(HOLDS,
                    i -> fleet.api(i).post("/api/v1/holds", obj("event_id", eventId, "qty", 1)));
            assertThat(holds).allSatisfy(hold -> assertThat(hold.status()).as(hold.toString()).isEqualTo(201));
            JsonNode finalStatus = fleet.steps(0).status(eventId);
            assertThat(finalStatus.get("held").asInt()).isEqualTo(HOLDS);

            for (SseStream client : clients) {
                assertThat(client.await(message -> message.json().equals(finalStatus), Duration.ofSeconds(20)))
                        .as("final counts; last seen %s", last(client)).isPresent();
            }
            long heapAfterLoad = heapAfterGc(0);
            long messages = clients.stream().mapToLong(client -> client.messages().size()).sum();
            System.out.printf("LIVE-FIGURES clients=%d holds=%d messages=%d (%.1f per client)"
                            + " heap.used after GC: before=%d MiB, with clients=%d MiB, after the load=%d MiB,"
                            + " per client=%d KiB%n",
                    CLIENTS, HOLDS, messages, (double) messages / CLIENTS, heapBefore >> 20, heapWithClients >> 20,
                    heapAfterLoad >> 20, Math.max(0, heapWithClients - heapBefore) / CLIENTS >> 10);
            assertThat(heapAfterLoad).as("heap with %d clients after the load", CLIENTS).isLessThan(256L << 20);
        } finally {
            clients.forEach(SseStream::close);
        }
    }

    private static Message last(SseStream client) {
        List<Message> messages = client.messages();
        return messages.isEmpty() ? null : messages.get(messages.size() - 1);
    }

    private static long gauge(int instance, String name) {
        return fleet.admin(instance).get("/metrics").json().get("gauges").get(name).get("value").asLong();
    }

    /** The heap in use after a collection (Dropwizard's gc task), so the figure is what is kept, not garbage. */
    private static long heapAfterGc(int instance) {
        HttpTestClient admin = fleet.admin(instance);
        admin.post("/tasks/gc", "");
        return gauge(instance, "jvm.memory.heap.used");
    }
}
