package boxoffice.live;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.http.SseStream;
import boxoffice.testing.process.BoxOfficeTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code SSE_MAX_PER_CLIENT} through real HTTP: one client address (the X-Forwarded-For client behind the trusted
 * proxy that the test's loopback is, as the rate limit sees it) gets its share of streams and then {@code 429
 * TOO_MANY_STREAMS}, while another client still gets a stream; a stream it closes gives its place back.
 */
class StreamsPerClientTest {
    private static final int PER_CLIENT = 3;

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP = BoxOfficeTestApp.create(
            MutableClock.startingNow(),
            ConfigOverride.config("live.heartbeat", "200 milliseconds"),
            ConfigOverride.config("live.maxClients", "100"),
            ConfigOverride.config("live.maxPerClient", Integer.toString(PER_CLIENT)),
            ConfigOverride.config("admission.trustedProxies", "127.0.0.1, ::1"));

    private final List<SseStream> streams = new ArrayList<>();

    @AfterEach
    void closeStreams() {
        streams.forEach(SseStream::close);
    }

    private SseStream open(String eventId, String client) {
        SseStream stream = SseStream.open(URI.create(BoxOfficeTestApp.api(APP).base() + "/api/v1/events/" + eventId
                + "/availability"), "X-Forwarded-For", client);
        streams.add(stream);
        return stream;
    }

    private static int status(SseStream stream) throws Exception {
        return stream.response(Duration.ofSeconds(5)).statusCode();
    }

    @Test
    void oneClientGetsItsShareThen429WhileOthersStillGetStreams() throws Exception {
        HttpTestClient api = BoxOfficeTestApp.api(APP);
        String eventId = new BoxOfficeSteps(api).createEvent(10).get("event_id").asText();
        String greedy = "198.51.100.7";
        List<SseStream> share = new ArrayList<>();
        for (int i = 0; i < PER_CLIENT; i++) {
            SseStream stream = open(eventId, greedy);
            assertThat(status(stream)).as("stream " + (i + 1) + " of the client's share").isEqualTo(200);
            share.add(stream);
        }

        Resp refused = api.get("/api/v1/events/" + eventId + "/availability", "Accept", "text/event-stream",
                "X-Forwarded-For", greedy).assertError(429, "TOO_MANY_STREAMS");
        assertThat(refused.header("Retry-After")).isPresent();
        assertThat(status(open(eventId, "203.0.113.9"))).as("another client is not refused").isEqualTo(200);

        share.get(0).close(); // found gone at its next keep-alive (200 ms here)
        boolean reopened = false;
        for (int attempt = 0; attempt < 50 && !reopened; attempt++) {
            Thread.sleep(100);
            reopened = status(open(eventId, greedy)) == 200;
        }
        assertThat(reopened).as("the place of the stream the client closed is its again").isTrue();
    }
}
