package boxoffice.resources;

import static boxoffice.testing.http.HttpTestClient.obj;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.BoxOfficeTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every refusal is JSON in the API's error shape: never HTML, never a stack trace, never 500. */
class ErrorHandlingTest {
    private static final MutableClock CLOCK = MutableClock.startingNow();

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP = BoxOfficeTestApp.create(CLOCK);

    private HttpTestClient api;

    @BeforeEach
    void client() {
        api = BoxOfficeTestApp.api(APP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/events", "/api/v1/holds", "/api/v1/book"})
    void malformedJsonIs400(String path) {
        api.post(path, "{\"name\": ").assertError(400, "MALFORMED_REQUEST");
        api.post(path, "not json at all").assertError(400, "MALFORMED_REQUEST");
        api.post(path, "{'single': 'quotes'}").assertError(400, "MALFORMED_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/events", "/api/v1/holds", "/api/v1/book"})
    void anEmptyBodyIs400(String path) {
        api.post(path, "").assertError(400, "MALFORMED_REQUEST");
        api.post(path, "null").assertError(400, "MALFORMED_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/events", "/api/v1/holds", "/api/v1/book"})
    void aBodyThatIsNotAnObjectIs400(String path) {
        api.post(path, "[]").assertError(400, "MALFORMED_REQUEST");
        api.post(path, "42").assertError(400, "MALFORMED_REQUEST");
        api.post(path, "\"text\"").assertError(400, "MALFORMED_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded"})
    void aWrongContentTypeIs415(String type) {
        api.post("/api/v1/events", obj("name", "Show", "total_seats", 5), "Content-Type", type)
                .assertError(415, "UNSUPPORTED_MEDIA_TYPE");
        api.post("/api/v1/holds", obj("event_id", UUID.randomUUID().toString(), "qty", 1), "Content-Type", type)
                .assertError(415, "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void aCharsetOnTheJsonTypeIsFine() {
        Resp created = api.post("/api/v1/events", obj("name", "Show", "total_seats", 5),
                "Content-Type", "application/json; charset=utf-8");
        assertThat(created.status()).isEqualTo(201);
    }

    @Test
    void aBodyOver16KiBIs413() {
        String big = "{\"event_id\": \"" + "x".repeat(17 * 1024) + "\", \"qty\": 5}";
        Resp refused = api.post("/api/v1/holds", big);
        refused.assertError(413, "PAYLOAD_TOO_LARGE");
        // The server closes the connection after refusing a body it did not read (without saying so in a
        // Connection header), so the next request goes on a new one.
        api.fresh().post("/api/v1/book", big).assertError(413, "PAYLOAD_TOO_LARGE");
    }

    @Test
    void aChunkedBodyOver16KiBIs413() {
        byte[] big = ("{\"event_id\": \"" + "x".repeat(17 * 1024) + "\", \"qty\": 5}")
                .getBytes(StandardCharsets.UTF_8);
        api.send("POST", "/api/v1/holds",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)),
                "Content-Type", "application/json").assertError(413, "PAYLOAD_TOO_LARGE");
    }

    /** An event's seating chart may be large (MAX_EVENT_BODY_SIZE, 8 MiB in config.yml), and no larger. */
    @Test
    void anEventsBodyMayBeUpTo8MiB() {
        String large = "{\"name\": \"" + "x".repeat(17 * 1024) + "\", \"total_seats\": 5}";
        api.post("/api/v1/events", large).assertError(422, "VALIDATION_FAILED");
        String tooLarge = "{\"name\": \"" + "x".repeat(8 * 1024 * 1024) + "\", \"total_seats\": 5}";
        api.fresh().post("/api/v1/events", tooLarge).assertError(413, "PAYLOAD_TOO_LARGE");
    }

    /**
     * A chunked body larger than the small limit is read whole for an event (the part past the prefetch buffer on a
     * thread, see BodyPrefetchFilter): parsed, it fails validation, not the JSON parser; past 8 MiB it is 413.
     */
    @Test
    void aChunkedEventsBodyMayBeUpTo8MiB() {
        String large = "{\"name\": \"" + "x".repeat(17 * 1024) + "\", \"total_seats\": 5}";
        postChunked("/api/v1/events", large).assertError(422, "VALIDATION_FAILED");
        String tooLarge = "{\"name\": \"" + "x".repeat(8 * 1024 * 1024) + "\", \"total_seats\": 5}";
        postChunked("/api/v1/events", tooLarge).assertError(413, "PAYLOAD_TOO_LARGE");
    }

    /** Java's client sends a body of unknown length (an input stream) chunked. */
    private Resp postChunked(String path, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return api.fresh().send("POST", path,
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)),
                "Content-Type", "application/json");
    }

    @Test
    void aBodyJustUnderTheLimitIsRead() {
        String body = "{\"name\": \"" + "x".repeat(16 * 1024 - 60) + "\", \"total_seats\": 5}";
        assertThat(body.length()).isLessThan(16 * 1024);
        Resp refused = api.post("/api/v1/events", body);
        refused.assertError(422, "VALIDATION_FAILED");
        assertThat(refused.fieldErrors()).containsExactly("name");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api", "/api/v1", "/api/v1/nope", "/api/v2/events", "/api/v1/events/x/y/z",
            "/index.html", "/api/v1/holds/x/book"})
    void anUnknownPathIs404Json(String path) {
        api.get(path).assertError(404, "NOT_FOUND");
    }

    @Test
    void aWrongMethodIs405Json() {
        Resp put = api.send("PUT", "/api/v1/events", HttpRequest.BodyPublishers.ofString("{}"),
                "Content-Type", "application/json");
        put.assertError(405, "METHOD_NOT_ALLOWED");
        api.send("DELETE", "/api/v1/events/" + UUID.randomUUID(), HttpRequest.BodyPublishers.noBody())
                .assertError(405, "METHOD_NOT_ALLOWED");
        api.get("/api/v1/book").assertError(405, "METHOD_NOT_ALLOWED");
        api.post("/api/v1/metrics", "{}").assertError(405, "METHOD_NOT_ALLOWED");
        api.get("/api/v1/holds/x/expire").assertError(405, "METHOD_NOT_ALLOWED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/events//status", "/api/v1/holds//expire", "/api/v1//events"})
    void anEmptyPathSegmentIs4xxJson(String path) {
        Resp resp = path.endsWith("expire") ? api.post(path, "{}") : api.get(path);
        resp.assertClientErrorJson();
    }

    @Test
    void theDoubleSlashStatusPathIs400() {
        api.get("/api/v1/events//status").assertError(400, "MALFORMED_REQUEST");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/events/%2e%2e/status", "/api/v1/events/..%2fstatus", "/api/v1/events/%2F",
            "/api/v1/events/a%00b", "/api/v1/events/%5C", "/api/v1/events/a%5Cb", "/api/v1/events/;x=1", "/api/v1/%2e%2e/%2e%2e/etc/passwd"})
    void oddPathsAre4xxJson(String path) {
        api.get(path).assertClientErrorJson();
    }

    @Test
    void theCorrelationIdIsEchoed() {
        String id = "client-" + UUID.randomUUID();
        Resp ok = api.get("/api/v1/metrics", "X-Correlation-ID", id);
        assertThat(ok.header("X-Correlation-ID")).hasValue(id);

        Resp error = api.get("/api/v1/events/nope", "X-Correlation-ID", id);
        assertThat(error.header("X-Correlation-ID")).hasValue(id);
        Resp unknown = api.get("/api/v1/nowhere", "X-Correlation-ID", id);
        assertThat(unknown.header("X-Correlation-ID")).hasValue(id);
        Resp created = api.post("/api/v1/events", obj("name", "Corr", "total_seats", 1), "X-Correlation-ID", id);
        assertThat(created.header("X-Correlation-ID")).hasValue(id);
    }

    /**
     * Jetty refuses these while it parses the request, before headers reach any filter, so the id cannot be the
     * client's; but every response still carries one.
     */
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/events//status", "/api/v1/events/a%5Cb"})
    void refusalsByJettyItselfCarryACorrelationIdToo(String path) {
        Resp refused = api.fresh().get(path, "X-Correlation-ID", "client-" + UUID.randomUUID());
        refused.assertError(400, "MALFORMED_REQUEST");
        assertThat(refused.header("X-Correlation-ID")).hasValueSatisfying(v -> assertThat(v).isNotBlank());
    }

    @Test
    void aCorrelationIdIsGeneratedWhenNoneIsSent() {
        Resp first = api.get("/api/v1/metrics");
        Resp second = api.get("/api/v1/events/nope");
        assertThat(first.header("X-Correlation-ID")).hasValueSatisfying(v -> assertThat(v).isNotBlank());
        assertThat(second.header("X-Correlation-ID")).hasValueSatisfying(v -> assertThat(v).isNotBlank());
        assertThat(first.header("X-Correlation-ID")).isNotEqualTo(second.header("X-Correlation-ID"));
        UUID generated = UUID.fromString(first.header("X-Correlation-ID").orElseThrow());
        assertThat(generated.version()).isEqualTo(4);
        assertThat(generated.variant()).isEqualTo(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"has space", "semi;colon", "<script>",
            "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
    void anInsaneCorrelationIdIsReplaced(String sent) {
        Resp resp = api.get("/api/v1/metrics", "X-Correlation-ID", sent);
        assertThat(resp.header("X-Correlation-ID")).hasValueSatisfying(v -> {
            assertThat(v).isNotEqualTo(sent);
            assertThat(v).matches("[A-Za-z0-9._:-]{1,128}");
        });
    }

    @Test
    void errorsCarryQuotesSafely() {
        Resp refused = api.get("/api/v1/events/%22quoted%22%27");
        refused.assertError(404, "EVENT_NOT_FOUND");
    }
}
