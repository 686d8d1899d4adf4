package boxoffice.resources;

import static boxoffice.testing.http.HttpTestClient.obj;
import static io.dropwizard.testing.ConfigOverride.config;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.BoxOfficeTestApp;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rate limits through HTTP on the memory store: per client address (the X-Forwarded-For client behind the trusted
 * proxy that the test's loopback is) and per organizer key, refused with 429 and the IETF headers before the body is
 * read; reads are never limited.
 */
class RateLimitTest {
    private static final String KEY = "organizer-key-for-rate-limits";
    private static final String[] ORGANIZER = {"Authorization", "Bearer " + KEY};
    private static final AtomicInteger CLIENTS = new AtomicInteger(1);

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP = BoxOfficeTestApp.create(
            MutableClock.startingNow(), BoxOfficeTestApp.organizerKeys(KEY),
            config("admission.rateLimits.client", "3"), config("admission.rateLimits.organizer", "5"),
            config("admission.trustedProxies", "127.0.0.1, ::1"));

    private static String eventId;
    private HttpTestClient api;

    /** Once: creating it takes from the organizer's bucket. */
    @BeforeAll
    static void event() {
        eventId = new BoxOfficeSteps(BoxOfficeTestApp.api(APP)).createEvent(1_000, ORGANIZER).get("event_id").asText();
    }

    @BeforeEach
    void client() {
        api = BoxOfficeTestApp.api(APP);
    }

    /** A client address of its own for each test, so that no test finds another's bucket half empty. */
    private static String[] newClient() {
        return new String[] {"X-Forwarded-For", "198.51.100." + CLIENTS.getAndIncrement()};
    }

    private Resp hold(String... headers) {
        return api.post("/api/v1/holds", obj("event_id", eventId, "qty", 1), headers);
    }

    /** Sends until the first refusal (the bucket refills as the test runs, so not at an exact count). */
    private List<Resp> untilRefused(java.util.function.Supplier<Resp> request) {
        List<Resp> answers = new ArrayList<>();
        while (answers.isEmpty() || answers.get(answers.size() - 1).status() != 429) {
            assertThat(answers).as("refused within 30 requests").hasSizeLessThan(30);
            answers.add(request.get());
        }
        return answers;
    }

    @Test
    void aBurstOverTheClientLimitIsRefusedWith429AndTheHeaders() {
        String[] client = newClient();
        List<Resp> answers = untilRefused(() -> hold(client));

        assertThat(answers.subList(0, 3)).extracting(Resp::status).containsOnly(201);
        assertThat(answers.get(0).header("RateLimit-Policy")).contains("\"client\";q=3;w=1");
        assertThat(answers.get(0).header("RateLimit").orElseThrow()).startsWith("\"client\";r=2;t=");
        Resp refused = answers.get(answers.size() - 1).assertError(429, "RATE_LIMITED");
        assertThat(refused.header("Retry-After")).contains("1");
        assertThat(refused.header("RateLimit-Policy")).contains("\"client\";q=3;w=1");
        assertThat(refused.header("RateLimit")).contains("\"client\";r=0;t=1");
        assertThat(hold(newClient()).status()).as("another client has its own bucket").isEqualTo(201);
        assertThat(BoxOfficeTestApp.admin(APP).get("/prometheus").body())
                .containsPattern("boxoffice_ratelimit_client_rejected_total [1-9]");
    }

    /** Malformed bodies get 400 while tokens last, then 429: the limit is checked before the body is parsed. */
    @Test
    void aRefusalComesBeforeTheBodyIsRead() {
        String[] client = newClient();
        List<Resp> answers = untilRefused(() -> api.post("/api/v1/holds", "{not json", client));
        assertThat(answers.subList(0, answers.size() - 1)).extracting(Resp::status).containsOnly(400);
        answers.get(answers.size() - 1).assertError(429, "RATE_LIMITED");
    }

    @Test
    void anOrganizerCountsAgainstItsKeyNotItsAddress() {
        String[] organizerFromOneAddress = {ORGANIZER[0], ORGANIZER[1], "X-Forwarded-For", "203.0.113.7"};
        List<Resp> answers = untilRefused(() -> hold(organizerFromOneAddress));

        // At least the burst; more on a slow machine, where the bucket refills while the holds run (no upper bound).
        assertThat(answers.size() - 1).as("holds before the refusal: the organizer's burst").isPositive();
        Resp refused = answers.get(answers.size() - 1);
        assertThat(refused.header("RateLimit-Policy")).contains("\"organizer\";q=5;w=1");
        assertThat(hold("X-Forwarded-For", "203.0.113.7").status()).as("the address's own bucket is untouched")
                .isEqualTo(201);
    }

    @Test
    void readsAreNotLimited() {
        String[] client = newClient();
        for (int i = 0; i < 10; i++) {
            Resp status = api.get("/api/v1/events/" + eventId + "/status", client);
            assertThat(status.status()).isEqualTo(200);
            assertThat(status.header("RateLimit")).isEmpty();
        }
    }
}
