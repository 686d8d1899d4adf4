package boxoffice.resources;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.domain.Ids;
import boxoffice.testing.Pause;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.BoxOfficeTestApp;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/** A table of hostile requests: each must be refused with a 4xx in the JSON error shape, never a 5xx. */
class HostileInputTest {
    private static final MutableClock CLOCK = MutableClock.startingNow();

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP = BoxOfficeTestApp.create(CLOCK);

    private static final String LONG_ID = "a".repeat(5000);
    private static String eventId;
    private static String holdId;

    @BeforeAll
    static void anEventAndAHold() {
        BoxOfficeSteps steps = new BoxOfficeSteps(BoxOfficeTestApp.api(APP));
        eventId = steps.newEventId(10);
        holdId = steps.hold(eventId, 1).get("hold_id").asText();
    }

    record Hostile(String method, String path, String body, String[] headers) {
        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 60 ? body.substring(0, 60) + "..." : body;
            return method + " " + (path.length() > 60 ? path.substring(0, 60) + "..." : path) + " " + shown;
        }
    }

    private static Arguments post(String path, String body, String... headers) {
        return Arguments.of(new Hostile("POST", path, body, headers));
    }

    private static Arguments get(String path, String... headers) {
        return Arguments.of(new Hostile("GET", path, null, headers));
    }

    static Stream<Arguments> hostile() {
        String ev = "\"$EVENT\"";
        return Stream.of(
                post("/api/v1/events", "{\"name\": null, \"total_seats\": null}"),
                post("/api/v1/events", "[{\"name\": \"a\", \"total_seats\": 1}]"),
                post("/api/v1/events", "{\"name\": \"a\", \"total_seats\": 1e309}"),
                post("/api/v1/events", "{\"name\": \"a\", \"total_seats\": -9223372036854775809}"),
                post("/api/v1/events", "{\"name\": \"a\", \"total_seats\": 123456789012345678901234567890}"),
                post("/api/v1/events", "{\"name\": \"a\", \"total_seats\": -5}"),
                post("/api/v1/events", "{\"name\": \"\\u0000\", \"total_seats\": 1}"),
                post("/api/v1/events", "{\"name\": \"a\", \"total_seats\": NaN}"),
                post("/api/v1/events", "{\"name\": \"a\", \"name\": \"b\", \"total_seats\": 0}"),
                post("/api/v1/events", "{\"name\": \"" + "\uD83C\uDFB5".repeat(256) + "\", \"total_seats\": 1}"),
                post("/api/v1/events", "{\"name\": \"\\u00a0\\u200b\\u00a0\", \"total_seats\": 1}"),
                post("/api/v1/events", "{\"name\": \"a\\u0000b\", \"total_seats\": 1}"),
                post("/api/v1/events", "{\"name\": \"\\ud800\", \"total_seats\": 1}"),
                post("/api/v1/events", "\uFEFF{\"name\": \"bom\", \"total_seats\": 1"),
                post("/api/v1/events", "{" .repeat(5000)),
                post("/api/v1/events", "[".repeat(3000) + "]".repeat(3000)),
                post("/api/v1/holds", "{\"event_id\": \"'; DROP TABLE holds; --\", \"qty\": 1}"),
                post("/api/v1/holds", "{\"event_id\": " + ev + ", \"qty\": 99999999999}"),
                post("/api/v1/holds", "{\"event_id\": " + ev + ", \"qty\": -2147483648}"),
                post("/api/v1/holds", "{\"event_id\": " + ev + ", \"qty\": 1, \"ttl_seconds\": 1e10}"),
                post("/api/v1/holds", "{\"event_id\": [" + ev + "], \"qty\": 1}"),
                post("/api/v1/holds", "{\"event_id\": {\"$ne\": null}, \"qty\": 1}"),
                post("/api/v1/holds", "{\"event_id\": \"" + LONG_ID + "\", \"qty\": 1}"),
                post("/api/v1/holds", "{\"event_id\": " + ev + ", \"qty\": 1}", "Idempotency-Key", LONG_ID),
                post("/api/v1/holds?ttl_seconds=-99999999999999999999", "{\"event_id\": " + ev + ", \"qty\": 1}"),
                post("/api/v1/holds?ttl_seconds=%00", "{\"event_id\": " + ev + ", \"qty\": 1}"),
                post("/api/v1/book", "{\"hold_id\": null, \"payment_token\": null}"),
                post("/api/v1/book", "{\"hold_id\": \"" + LONG_ID + "\", \"payment_token\": \"x\"}"),
                post("/api/v1/book", "{\"hold_id\": \"$HOLD\", \"payment_token\": \"' OR '1'='1\"}"),
                post("/api/v1/book", "{\"hold_id\": \"$HOLD\", \"payment_token\": " + "9".repeat(400) + "}"),
                post("/api/v1/holds/$HOLD/expire", "{\"payment_token\": [1, 2, 3]}"),
                post("/api/v1/holds/$HOLD/expire", "{\"payment_token\": \"wrong\"}"),
                post("/api/v1/holds/" + LONG_ID + "/expire", "{\"payment_token\": \"x\"}"),
                get("/api/v1/events/" + LONG_ID),
                get("/api/v1/events/" + LONG_ID + "/status"),
                get("/api/v1/holds/%F0%9F%8E%B5"),
                get("/api/v1/bookings/" + "%25".repeat(300)),
                get("/api/v1/events/$EVENT%00"),
                get("/api/v1/events/..%2F..%2F..%2Fetc%2Fpasswd"),
                get("/api/v1/holds/-1"),
                post("/api/v1/events", "{\"name\": \"a\", \"total_seats\": 1}", "Content-Type", "application/jsonx"),
                post("/api/v1/events", "{\"name\": \"a\", \"total_seats\": 1}", "Content-Type", "*/*; garbage"),
                post("/api/v1/events", "\u00ff\u00fe garbage bytes", "Content-Type", "application/json"),
                post("/api/v1/events", "{\"name\": \"a\", \"total_seats\": 1}", "Content-Encoding", "gzip"),
                post("/api/v1/holds", "{\"event_id\": " + ev + ", \"qty\": 1}", "Content-Encoding", "gzip"),
                post("/api/v1/book", "{\"hold_id\": \"$HOLD\", \"payment_token\": \"x\"}", "Content-Encoding", "gzip"),
                get("/api/v1/events/$EVENT", "Accept", "application/xml"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostile")
    void isRefusedWithA4xxJsonError(Hostile request) {
        HttpTestClient api = BoxOfficeTestApp.api(APP);
        String path = request.path().replace("$EVENT", eventId).replace("$HOLD", holdId);
        String body = request.body() == null ? null
                : request.body().replace("$EVENT", eventId).replace("$HOLD", holdId);
        Resp resp = request.method().equals("GET") ? api.get(path, request.headers())
                : api.post(path, body, request.headers());

        resp.assertClientErrorJson();
    }

    @Test
    void noHostileRequestChangedTheSeats() {
        BoxOfficeSteps steps = new BoxOfficeSteps(BoxOfficeTestApp.api(APP));
        assertThat(steps.counts(eventId)).containsExactly(10, 9, 1, 0);
    }

    /** A client that hangs up mid-body is not a server error: no 500 in the metrics, nothing logged at ERROR. */
    @Test
    void aClientThatHangsUpMidBodyIsCountedApartFromServerErrors() throws Exception {
        ListAppender<ILoggingEvent> errors = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        errors.start();
        root.addAppender(errors);
        try {
            for (String path : List.of("/api/v1/events", "/api/v1/holds", "/api/v1/book")) {
                try (Socket socket = new Socket("127.0.0.1", APP.getLocalPort())) {
                    socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: x\r\n"
                            + "Content-Type: application/json\r\nContent-Length: 200\r\n\r\n{\"name\": \"ab")
                            .getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    Thread.sleep(300);
                }
            }
            String after = "";
            for (int attempt = 0; attempt < 50 && !after.contains("/api/v1/book\",status=\"499\""); attempt++) {
                Pause.sleep(java.time.Duration.ofMillis(100)); // the server notices the hang-up on its own time
                after = BoxOfficeTestApp.admin(APP).get("/prometheus").body();
            }
            assertThat(after).contains("path=\"/api/v1/events\",status=\"499\"");
            assertThat(after).doesNotContain("status=\"500\"");
            assertThat(errors.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.ERROR)).isEmpty();
        } finally {
            root.detachAppender(errors);
        }
    }

    @Test
    void hugeHeadersAreRefusedAsJson() {
        HttpTestClient api = BoxOfficeTestApp.api(APP);
        Resp resp = api.get("/api/v1/events/" + eventId, "X-Junk", "j".repeat(20_000));
        assertThat(resp.status()).isBetween(400, 499);
        assertThat(resp.contentType()).startsWith("application/json");
        assertThat(resp.json().path("error_code").asText()).isNotBlank();
    }

    @Test
    void unusualMethodsAreRefusedAsJson() {
        HttpTestClient api = BoxOfficeTestApp.api(APP);
        List<Resp> answers = new ArrayList<>();
        for (String method : List.of("PUT", "PATCH", "TRACE", "FOO")) {
            answers.add(api.send(method, "/api/v1/holds/" + holdId, HttpRequest.BodyPublishers.ofString("{}"),
                    "Content-Type", "application/json"));
        }
        answers.add(api.send("DELETE", "/api/v1/events/" + Ids.eventOf(holdId).orElseThrow(),
                HttpRequest.BodyPublishers.noBody())); // DELETE on a hold releases it: see LifecycleHttpContract
        answers.forEach(Resp::assertClientErrorJson);
    }
}
