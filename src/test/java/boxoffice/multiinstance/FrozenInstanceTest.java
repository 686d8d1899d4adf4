package boxoffice.multiinstance;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.testing.FleetTier;
import boxoffice.testing.Pause;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.AppProcess;
import boxoffice.testing.process.Fleet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one Redis, 16 clients placing holds on both, and one instance frozen (SIGSTOP) for 1.5 s, four
 * times: a freeze stops requests waiting for their batch, batches inside their lock and commits whose answer is on
 * its way, and then lets them all go on at once, past their deadlines. However a request ends, the store must hold
 * exactly what the clients were told: every hold answered 201 is there, and a 503 changed nothing.
 */
@FleetTier
class FrozenInstanceTest {
    private static final int SEATS = 100_000;
    private static final int CLIENTS = 16;
    private static final int FREEZES = 4;
    private static final Duration FREEZE = Duration.ofMillis(1500);
    private static final Duration BETWEEN_FREEZES = Duration.ofMillis(1000);

    @Test
    void theHoldsInTheStoreAreExactlyThoseAnswered201() throws Exception {
        // The production STORE_TIMEOUT (not the fleet's 10 s): a freeze outlasts the deadlines of the requests it catches.
        try (Fleet fleet = Fleet.start(2, Map.of("STORE_TIMEOUT", "2 seconds"))) {
            String eventId = answered(() -> fleet.api(0).post("/api/v1/events",
                    HttpTestClient.obj("name", "Frozen", "total_seats", SEATS))).json().path("event_id").asText();
            AppProcess frozen = fleet.instance(0);

            List<LoadLoop.Outcome> outcomes;
            try (LoadLoop load = new LoadLoop(CLIENTS, client -> fleet.steps(client).tryHold(eventId, 1))) {
                for (int freeze = 0; freeze < FREEZES; freeze++) {
                    Pause.sleep(BETWEEN_FREEZES);
                    frozen.pause();
                    try {
                        Pause.sleep(FREEZE);
                    } finally {
                        frozen.resume();
                    }
                }
                Pause.sleep(BETWEEN_FREEZES);
                outcomes = load.stop();
            }

            assertThat(outcomes).as("every request was answered").allMatch(outcome -> outcome.answer() != null);
            assertThat(outcomes).extracting(outcome -> outcome.answer().status()).allMatch(status -> status == 201
                    || status == 503, "201 or 503");
            Set<String> granted = outcomes.stream()
                    .filter(outcome -> outcome.answer().status() == 201)
                    .map(outcome -> outcome.answer().json().path("hold_id").asText())
                    .collect(Collectors.toSet());
            long refused = outcomes.size() - granted.size();
            System.out.printf("Frozen instance: %d holds answered 201, %d answered 503%n", granted.size(), refused);
            assertThat(granted).as("holds answered 201").isNotEmpty();

            for (BoxOfficeSteps instance : fleet.everyInstance()) {
                assertThat(instance.status(eventId).path("held").asInt())
                        .as("seats held in the store; %d holds answered 201, %d answered 503", granted.size(), refused)
                        .isEqualTo(granted.size());
            }
            HttpTestClient api = fleet.api(1);
            assertThat(granted).as("every 201 is a hold in the store").allMatch(holdId ->
                    api.get("/api/v1/holds/" + holdId).json().path("status").asText().equals("active"));
            assertThat(InstanceCrashTest.verifyLedger(frozen.admin())).contains("0 drifted");
        }
    }

    /** The first answer that is not a 503: instances just started on a busy machine may be slow to warm up. */
    private static Resp answered(Supplier<Resp> request) {
        Resp answer = request.get();
        for (int attempt = 0; attempt < 50 && answer.status() == 503; attempt++) {
            Pause.sleep(Duration.ofMillis(200));
            answer = request.get();
        }
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        return answer;
    }
}
