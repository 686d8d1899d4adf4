package boxoffice.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import boxoffice.testing.FleetTier;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.AppProcess;
import boxoffice.testing.process.FreePorts;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The shipped Prometheus configuration and alert rules, loaded by a real Prometheus server that scrapes a real
 * instance: the target is up and the domain metrics arrive. Skipped where no {@code prometheus} binary is installed
 * (CI installs Debian's package).
 */
@FleetTier
class PrometheusScrapeTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void prometheusScrapesTheInstanceWithTheShippedConfiguration() throws Exception {
        assumeTrue(new File("/usr/bin/prometheus").canExecute(), "no prometheus binary (apt-get install prometheus)");
        Path dir = Files.createTempDirectory("prometheus-");
        try (AppProcess app = AppProcess.start(Map.of("STORE", "memory"))) {
            BoxOfficeSteps steps = new BoxOfficeSteps(new HttpTestClient(app.api().toString()));
            String eventId = steps.newEventId(10);
            steps.hold(eventId, 2);

            int port = FreePorts.next();
            Path config = dir.resolve("prometheus.yml");
            Files.writeString(config, shippedConfigScraping(app.admin()));
            Files.copy(Path.of("ops/prometheus/alerts.yml"), dir.resolve("alerts.yml"));
            Process prometheus = new ProcessBuilder("/usr/bin/prometheus", "--config.file=" + config,
                    "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + port)
                    .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
            try {
                URI server = URI.create("http://127.0.0.1:" + port);
                JsonNode placed = awaitResult(server, "boxoffice_holds_placed_total{job=\"box-office\"}");
                assertThat(placed.path(0).path("value").path(1).asDouble()).as("one hold placed").isEqualTo(1.0);
                assertThat(awaitResult(server, "up{job=\"box-office\"}").path(0).path("value").path(1).asText())
                        .isEqualTo("1");
                assertThat(awaitResult(server, "boxoffice_seats_held{job=\"box-office\"}")
                        .path(0).path("value").path(1).asDouble()).isEqualTo(2.0);
                assertThat(query(server, "/api/v1/rules").path("data").path("groups").path(0).path("rules").size())
                        .as("the shipped alert rules are loaded").isPositive();
            } finally {
                prometheus.destroy();
                prometheus.waitFor(10, TimeUnit.SECONDS);
            }
        } finally {
            delete(dir.toFile());
        }
    }

    /** The shipped prometheus.yml with the compose hostnames replaced by this instance, scraping every second. */
    private static String shippedConfigScraping(URI admin) throws Exception {
        String shipped = Files.readString(Path.of("ops/prometheus/prometheus.yml"));
        assertThat(shipped).contains("box-office-1:8081", "box-office-2:8081", "metrics_path: /prometheus");
        return shipped
                .replace("box-office-1:8081", admin.getHost() + ":" + admin.getPort())
                .replace("          - box-office-2:8081\n", "")
                .replace("scrape_interval: 10s", "scrape_interval: 1s")
                .replace("scrape_timeout: 5s", "scrape_timeout: 1s");
    }

    /** Polls an instant query until it has a result (the first scrapes take a moment). */
    private static JsonNode awaitResult(URI server, String promql) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            try {
                JsonNode result = query(server, "/api/v1/query?query="
                        + URLEncoder.encode(promql, StandardCharsets.UTF_8)).path("data").path("result");
                if (result.size() > 0) {
                    return result;
                }
            } catch (java.io.IOException notUpYet) {
                // Prometheus is still starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no result for " + promql + " within 60 s");
    }

    private static JsonNode query(URI server, String pathAndQuery) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(server.resolve(pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private static void delete(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                delete(child);
            }
        }
        file.delete();
    }
}
