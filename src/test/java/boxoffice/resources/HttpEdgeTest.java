package boxoffice.resources;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.http.RawHttp.Answer;
import boxoffice.testing.http.RawHttp;
import boxoffice.testing.http.WaitingRoomSteps;
import boxoffice.testing.process.BoxOfficeTestApp;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.io.IOException;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Issue #27 item 15: answers at the edge of HTTP, on raw sockets where an HTTP client would not send the request. A
 * method the service never serves is 405 with Allow, broken chunked framing 400 (not 499: the client is still
 * there), an HTTP version Jetty does not speak 505 without an internal error, and PATCH takes a JSON merge patch.
 */
class HttpEdgeTest {
    private static final MutableClock CLOCK = MutableClock.startingNow();

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP = BoxOfficeTestApp.create(CLOCK);

    private HttpTestClient api;

    @BeforeEach
    void client() {
        api = BoxOfficeTestApp.api(APP);
    }

    @ParameterizedTest
    @ValueSource(strings = {"TRACE", "FOO", "PROPFIND"})
    void aMethodTheServiceNeverServesIs405WithAllow(String method) throws IOException {
        Answer answer = RawHttp.exchange(APP.getLocalPort(), method + " /api/v1/events HTTP/1.1\r\nHost: x\r\n"
                + "Connection: close\r\n\r\n");

        assertError(answer, 405, "METHOD_NOT_ALLOWED");
        assertThat(answer.header("Allow")).as(answer.head()).hasValueSatisfying(allow ->
                assertThat(allow.split(",\\s*")).contains("GET", "POST", "PATCH", "DELETE").doesNotContain(method));
    }

    @Test
    void brokenChunkedFramingIs400AndCreatesNothing() throws IOException {
        int events = api.get("/api/v1/metrics").json().get("total_events").asInt();

        Answer answer = RawHttp.exchange(APP.getLocalPort(), "POST /api/v1/events HTTP/1.1\r\nHost: x\r\n"
                + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "ZZ\r\n{\"name\": \"a\", \"total_seats\": 1}\r\n0\r\n\r\n");

        assertError(answer, 400, "MALFORMED_REQUEST");
        assertThat(api.get("/api/v1/metrics").json().get("total_events").asInt()).isEqualTo(events);
    }

    @Test
    void anHttpVersionJettyDoesNotSpeakIs505WithoutAnInternalError() throws IOException {
        ListAppender<ILoggingEvent> errors = new ListAppender<>();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        errors.start();
        root.addAppender(errors);
        try {
            Answer answer = RawHttp.exchange(APP.getLocalPort(), "GET /api/v1/health HTTP/3.0\r\nHost: x\r\n\r\n");

            assertError(answer, 505, "HTTP_VERSION_NOT_SUPPORTED");
            assertThat(errors.list).filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.ERROR)).isEmpty();
        } finally {
            root.detachAppender(errors);
        }
    }

    @Test
    void patchTakesAJsonMergePatch() {
        String eventId = new BoxOfficeSteps(api).newEventId(10);

        Resp opened = mergePatch(eventId, "{\"admission\": {\"rate_per_minute\": 60}}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
        assertThat(new WaitingRoomSteps(api).admission(eventId).get("admission").get("rate_per_minute").asInt())
                .isEqualTo(60);

        Resp closed = mergePatch(eventId, "{\"admission\": null}");
        assertThat(closed.status()).as(closed.toString()).isEqualTo(200);
        assertThat(closed.json().get("admission").isNull()).as(closed.toString()).isTrue();
    }

    private Resp mergePatch(String eventId, String patch) {
        return api.send("PATCH", "/api/v1/events/" + eventId, HttpRequest.BodyPublishers.ofString(patch),
                "Content-Type", "application/merge-patch+json");
    }

    private static void assertError(Answer answer, int status, String errorCode) throws IOException {
        assertThat(answer.status()).as(answer.toString()).isEqualTo(status);
        assertThat(answer.header("Content-Type")).as(answer.head()).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/json"));
        JsonNode error = HttpTestClient.JSON.readTree(answer.body());
        assertThat(error.path("error_code").asText()).as(answer.toString()).isEqualTo(errorCode);
        assertThat(error.path("error").asText()).as(answer.toString()).isNotBlank();
    }
}
