package boxoffice.live;

import static boxoffice.testing.http.SeatingJson.best;
import static boxoffice.testing.http.SeatingJson.reserved;
import static boxoffice.testing.http.SeatingJson.row;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.http.SseStream.Message;
import boxoffice.testing.http.SseStream;
import boxoffice.testing.process.BoxOfficeTestApp;
import io.dropwizard.testing.ConfigOverride;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code GET /api/v1/events/{id}/availability} through real HTTP on the embedded default: the first message at once
 * (with gzip asked for, so compression must not hold it back), one after a hold within a second, a burst coalesced to
 * at most one message per poll, resume with {@code Last-Event-ID}, keep-alive comments (every 200 ms here), the
 * refusals before a stream starts, and the cap on streams, freed again when clients leave.
 */
class LiveAvailabilityTest {
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static final int MAX_CLIENTS = 6;

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP = BoxOfficeTestApp.create(CLOCK,
            ConfigOverride.config("live.heartbeat", "200 milliseconds"),
            ConfigOverride.config("live.maxClients", Integer.toString(MAX_CLIENTS)));

    private HttpTestClient api;
    private BoxOfficeSteps steps;
    private final List<SseStream> streams = new java.util.ArrayList<>();

    @BeforeEach
    void connect() {
        api = BoxOfficeTestApp.api(APP);
        steps = new BoxOfficeSteps(api);
    }

    /** Each test starts with no stream open: the server notices a closed one at its next keep-alive. */
    @AfterEach
    void closeStreams() throws InterruptedException {
        streams.forEach(SseStream::close);
        for (int wait = 0; wait < 50 && openStreams() > 0; wait++) {
            Thread.sleep(100);
        }
        assertThat(openStreams()).as("streams still counted after their clients left").isZero();
    }

    private String newEvent() {
        return steps.newEventWithSections(reserved("stalls", row("A", 40), row("B", 40)));
    }

    private SseStream open(String eventId, String... headers) {
        SseStream stream = SseStream.open(URI.create(api.base() + "/api/v1/events/" + eventId + "/availability"),
                headers);
        streams.add(stream);
        return stream;
    }

    private static Message first(SseStream stream, Duration within) throws InterruptedException {
        return stream.await(message -> true, within).orElseThrow(() -> new AssertionError("no message within " + within));
    }

    @Test
    void theFirstMessageComesAtOnceWhileTheStreamStaysOpenEvenWithGzipAskedFor() throws Exception {
        String eventId = newEvent();

        SseStream stream = open(eventId, "Accept-Encoding", "gzip");

        HttpResponse.ResponseInfo response = stream.response(Duration.ofSeconds(5));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("text/event-stream"));
        assertThat(response.headers().firstValue("Content-Encoding")).isEmpty();
        Message message = first(stream, Duration.ofSeconds(2));
        assertThat(stream.isOpen()).isTrue();
        assertThat(message.event()).isEqualTo("availability");
        assertThat(message.json()).isEqualTo(steps.status(eventId));
        assertThat(message.seq()).isEqualTo(1);
    }

    @Test
    void aHoldReachesTheSubscriberWithinASecondWithItsCounts() throws Exception {
        String eventId = newEvent();
        SseStream stream = open(eventId);
        first(stream, Duration.ofSeconds(2));

        steps.holdItems(eventId, best("stalls", 3));
        Instant held = Instant.now();

        Message update = stream.await(message -> message.json().get("held").asInt() == 3, Duration.ofSeconds(1))
                .orElseThrow(() -> new AssertionError("no message with the hold within 1 s: " + stream.messages()));
        assertThat(Duration.between(held, update.receivedAt())).isLessThan(Duration.ofSeconds(1));
        assertThat(update.seq()).isEqualTo(2);
        assertThat(update.json()).isEqualTo(steps.status(eventId));
    }

    @Test
    void aBurstOfHoldsIsCoalescedToAtMostFourMessagesASecondEndingWithTheFinalCounts() throws Exception {
        String eventId = newEvent();
        SseStream stream = open(eventId);
        first(stream, Duration.ofSeconds(2));
        ExecutorService buyers = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> holds = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                holds.add(buyers.submit(() -> steps.holdItems(eventId, best("stalls", 1))));
            }
            for (Future<?> hold : holds) {
                hold.get();
            }
        } finally {
            buyers.shutdown();
        }
        JsonNodeEquals finalStatus = new JsonNodeEquals(steps.status(eventId));
        assertThat(finalStatus.status.get("held").asInt()).isEqualTo(50);

        Optional<Message> last = stream.await(message -> finalStatus.matches(message), Duration.ofSeconds(2));

        assertThat(last).as("a message with the final counts; got %s", stream.messages()).isPresent();
        List<Message> updates = stream.messages().subList(1, stream.messages().size());
        assertThat(updates.get(updates.size() - 1).json()).isEqualTo(finalStatus.status);
        for (Message start : updates) {
            long inTheSecond = updates.stream().filter(other -> !other.receivedAt().isBefore(start.receivedAt())
                    && other.receivedAt().isBefore(start.receivedAt().plusSeconds(1))).count();
            assertThat(inTheSecond).as("messages in the second from %s: %s", start.receivedAt(), updates)
                    .isLessThanOrEqualTo(5); // 4 per second, and one more for the receiving side's jitter
        }
        assertThat(updates).extracting(Message::seq).isSorted().doesNotHaveDuplicates();
    }

    /** The status, compared whole. */
    private record JsonNodeEquals(com.fasterxml.jackson.databind.JsonNode status) {
        boolean matches(Message message) {
            return message.json().equals(status);
        }
    }

    @Test
    void aClientThatResumesWithTheCurrentIdIsNotSentItAgainButHearsTheNextChange() throws Exception {
        String eventId = newEvent();
        SseStream before = open(eventId);
        Message seen = first(before, Duration.ofSeconds(2));
        before.close();

        SseStream resumed = open(eventId, "Last-Event-ID", seen.id());
        assertThat(resumed.awaitComments(2, Duration.ofSeconds(3))).as("keep-alives on the resumed stream").isTrue();
        assertThat(resumed.messages()).as("nothing new to send").isEmpty();

        steps.holdItems(eventId, best("stalls", 2));
        Message next = first(resumed, Duration.ofSeconds(1));
        assertThat(next.seq()).isEqualTo(seen.seq() + 1);
        assertThat(next.json().get("held").asInt()).isEqualTo(2);

        SseStream behind = open(eventId, "Last-Event-ID", seen.id());
        Message current = first(behind, Duration.ofSeconds(2));
        assertThat(current.seq()).as("a client behind gets the current state at once").isEqualTo(next.seq());
        SseStream nonsense = open(eventId, "Last-Event-ID", "not-a-number");
        assertThat(first(nonsense, Duration.ofSeconds(2)).seq()).isEqualTo(next.seq());
    }

    @Test
    void quietStreamsGetAKeepAliveCommentEveryInterval() throws Exception {
        SseStream stream = open(newEvent());
        first(stream, Duration.ofSeconds(2));

        assertThat(stream.awaitComments(4, Duration.ofSeconds(3))).as("comments: %s", stream.comments()).isTrue();
        assertThat(stream.comments()).allMatch("keep-alive"::equals);
        assertThat(stream.messages()).hasSize(1);
    }

    @Test
    void refusalsComeAsJsonBeforeAnyStreamStarts() {
        String eventId = newEvent();
        String path = "/api/v1/events/" + eventId + "/availability";

        api.get(path).assertError(406, "NOT_ACCEPTABLE");
        api.get(path, "Accept", "*/*").assertError(406, "NOT_ACCEPTABLE");
        api.get(path, "Accept", "application/json").assertError(406, "NOT_ACCEPTABLE");
        api.get("/api/v1/events/" + java.util.UUID.randomUUID() + "/availability", "Accept", "text/event-stream")
                .assertError(404, "EVENT_NOT_FOUND");
        api.get("/api/v1/events/not-an-id/availability", "Accept", "text/event-stream")
                .assertError(404, "EVENT_NOT_FOUND");
    }

    /** The streams this instance counts as open (the other tests' closed ones go at their next keep-alive). */
    private static int openStreams() {
        return BoxOfficeTestApp.admin(APP).get("/metrics").json().get("gauges").get("boxoffice.live.clients")
                .get("value").asInt();
    }

    @Test
    void pastTheCapAStreamIsRefusedWith503UntilAClientLeaves() throws Exception {
        String eventId = newEvent();
        List<SseStream> full = new java.util.ArrayList<>();
        for (int i = 0; i < MAX_CLIENTS; i++) {
            SseStream stream = open(eventId);
            first(stream, Duration.ofSeconds(2));
            full.add(stream);
        }

        HttpTestClient.Resp refused = api.get("/api/v1/events/" + eventId + "/availability",
                "Accept", "text/event-stream").assertError(503, "TOO_MANY_STREAMS");
        assertThat(refused.header("Retry-After")).isPresent();

        full.get(0).close(); // found gone at its next keep-alive (200 ms here)
        SseStream again = null;
        for (int attempt = 0; attempt < 50 && again == null; attempt++) {
            Thread.sleep(100);
            SseStream candidate = open(eventId);
            if (candidate.response(Duration.ofSeconds(5)).statusCode() == 200) {
                again = candidate;
            }
        }
        assertThat(again).as("a place freed by the client that left").isNotNull();
        assertThat(openStreams()).isEqualTo(MAX_CLIENTS);
        assertThat(first(again, Duration.ofSeconds(2)).seq()).isEqualTo(1);
    }
}
