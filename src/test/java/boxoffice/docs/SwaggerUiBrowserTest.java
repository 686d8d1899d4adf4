package boxoffice.docs;

import boxoffice.BoxOfficeApplication;
import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.BrowserTier;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import io.dropwizard.testing.junit5.DropwizardExtensionsSupport;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;


/** Swagger UI at /docs, served from the webjar, renders the spec's operations in a real (headless) browser. */
@ExtendWith(DropwizardExtensionsSupport.class)
@BrowserTier
class SwaggerUiBrowserTest {
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP = new DropwizardAppExtension<>(
            BoxOfficeApplication.class, "config.yml",
            ConfigOverride.config("server.applicationConnectors[0].port", "0"),
            ConfigOverride.config("server.adminConnectors[0].port", "0"));

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Pattern OPERATION = Pattern.compile("class=\"opblock opblock-(get|post)\\b");

    @TempDir
    Path temp;

    /** The operations the served spec describes (every one is a GET or a POST). */
    private static long operationsInSpec() throws Exception {
        JsonNode spec = new ObjectMapper().readTree(
                URI.create("http://127.0.0.1:" + APP.getLocalPort() + "/openapi.json").toURL());
        long operations = 0;
        for (JsonNode path : spec.get("paths")) {
            operations += path.has("get") ? 1 : 0;
            operations += path.has("post") ? 1 : 0;
        }
        return operations;
    }

    @Test
    void docsPageRendersEveryOperationInHeadlessChromium() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM),
                "Chromium is not installed at " + CHROMIUM
                        + " (apt-get install -y chromium); skipping the browser test");
        Path dom = temp.resolve("dom.html");
        Path log = temp.resolve("chromium.log");
        Process chromium = new ProcessBuilder(List.of(CHROMIUM.toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectory(temp.resolve("profile")),
                "--virtual-time-budget=10000", "--dump-dom",
                "http://127.0.0.1:" + APP.getLocalPort() + "/docs"))
                .redirectOutput(dom.toFile())
                .redirectError(log.toFile())
                .start();
        if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new AssertionError("Chromium did not finish within 90 s; its log:\n" + tail(log));
        }
        String html = Files.readString(dom, StandardCharsets.UTF_8);
        assertThat(html).as("DOM dumped by Chromium (exit %d); its log:%n%s", chromium.exitValue(), tail(log))
                .contains("swagger-ui")
                .contains("Box Office API")
                .contains("/api/v1/holds")
                .contains("/api/v1/holds/{hold_id}/expire")
                .doesNotContain("Failed to load API definition");
        Matcher operations = OPERATION.matcher(html);
        long rendered = operations.results().count();
        assertThat(rendered).as("rendered opblock elements, one per operation of the spec").isEqualTo(operationsInSpec());
    }

    @Test
    void docsPageAndItsAssetsComeFromTheService() {
        Response page = get("/docs");
        assertThat(page.getStatus()).isEqualTo(200);
        assertThat(page.getMediaType().toString()).startsWith("text/html");
        assertThat(page.readEntity(String.class))
                .contains("/docs/swagger-ui-bundle.js", "/docs/swagger-ui.css", "url: \"/openapi.json\"")
                .doesNotContain("https://");

        Response bundle = get("/docs/swagger-ui-bundle.js");
        assertThat(bundle.getStatus()).isEqualTo(200);
        assertThat(bundle.getMediaType().toString()).startsWith("text/javascript");
        assertThat(bundle.readEntity(String.class)).contains("SwaggerUIBundle");
        assertThat(get("/docs/swagger-ui.css").getStatus()).isEqualTo(200);
    }

    @Test
    void onlyTheListedAssetsAreServed() {
        for (String path : List.of("/docs/index.html", "/docs/swagger-initializer.js", "/docs/..%2Fopenapi.json",
                "/docs/nothing.js")) {
            Response response = get(path);
            assertThat(response.getStatus()).as(path).isIn(400, 404);
            assertThat(response.readEntity(String.class)).as(path).contains("\"error_code\"");
        }
    }

    private static Response get(String path) {
        return APP.client().target("http://localhost:" + APP.getLocalPort() + path).request().get();
    }

    private static String tail(Path log) throws IOException {
        if (!Files.exists(log)) {
            return "(no log)";
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }
}
