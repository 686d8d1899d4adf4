package boxoffice.multiinstance;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.testing.FleetTier;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.AppProcess;
import boxoffice.testing.process.RedisProcess;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** kill -9 of one of three instances mid-load: the others keep serving and the store stays consistent. */
@FleetTier
class InstanceCrashTest {

    @Test
    void survivorsKeepServingAndTheLedgerStaysBalanced() throws Exception {
        try (RedisProcess redis = RedisProcess.startDurable()) {
            List<AppProcess> instances = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) {
                    instances.add(AppProcess.start(Map.of("STORE", "redis", "REDIS_URL", redis.url())));
                }
                List<HttpTestClient> clients = instances.stream()
                        .map(app -> new HttpTestClient(app.api().toString())).toList();
                List<BoxOfficeSteps> steps = clients.stream().map(BoxOfficeSteps::new).toList();
                String eventId = steps.get(0).newEventId(100_000);

                List<LoadLoop.Outcome> outcomes;
                try (LoadLoop load = new LoadLoop(12, client -> steps.get(client % 3).tryHold(eventId, 1))) {
                    Thread.sleep(1_500);
                    instances.get(1).kill();
                    Thread.sleep(2_000);
                    outcomes = load.stop();
                }

                List<LoadLoop.Outcome> survivorAnswers = outcomes.stream().filter(o -> o.answer() != null).toList();
                assertThat(survivorAnswers).extracting(o -> o.answer().status()).containsOnly(201);
                List<JsonNode> acknowledged = survivorAnswers.stream().map(o -> o.answer().json()).toList();
                assertThat(acknowledged).hasSizeGreaterThan(50);

                JsonNode status = steps.get(0).status(eventId);
                int held = status.path("held").asInt();
                assertThat(status.path("available").asInt() + held + status.path("booked").asInt()).isEqualTo(100_000);
                // The killed instance may have committed holds it never got to acknowledge: never fewer.
                assertThat(held).isGreaterThanOrEqualTo(acknowledged.size());
                for (JsonNode hold : acknowledged.subList(0, 20)) {
                    assertThat(clients.get(2).get("/api/v1/holds/" + hold.path("hold_id").asText()).status())
                            .isEqualTo(200);
                }
                assertThat(verifyLedger(instances.get(2).admin())).contains("0 drifted");
            } finally {
                for (AppProcess app : instances) {
                    app.close();
                }
            }
        }
    }

    static String verifyLedger(URI admin) throws Exception {
        HttpResponse<String> report = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(admin.resolve("/tasks/verify-ledger"))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        return report.body();
    }
}
