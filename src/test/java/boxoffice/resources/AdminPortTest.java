package boxoffice.resources;

import static boxoffice.testing.http.HttpTestClient.obj;
import static io.dropwizard.testing.ConfigOverride.config;
import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.Pause;
import boxoffice.testing.fixtures.HoldFixtures;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.BoxOfficeTestApp;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The operators' port. The background sweeper is slowed to once a day here so the sweep task finds the work. */
class AdminPortTest {
    private static final MutableClock CLOCK = MutableClock.startingNow();

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP =
            BoxOfficeTestApp.create(CLOCK, config("sweeper.interval", "1 day"));

    private HttpTestClient api;
    private BoxOfficeSteps steps;
    private HttpTestClient admin;

    @BeforeEach
    void clients() {
        api = BoxOfficeTestApp.api(APP);
        steps = new BoxOfficeSteps(api);
        admin = BoxOfficeTestApp.admin(APP);
    }

    private Resp task(String path) {
        return admin.post(path, "", "Content-Type", "text/plain");
    }

    @Test
    void healthcheckReportsTheChecks() {
        Resp resp = admin.get("/healthcheck");
        assertThat(resp.status()).as(resp.toString()).isEqualTo(200);
        JsonNode checks = resp.json();
        assertThat(checks.has("sweeper")).isTrue();
        assertThat(checks.has("deadlocks")).isTrue();
        assertThat(checks.has("store")).as("the memory store says what it is").isTrue();
        assertThat(checks.has("ledger")).isTrue();
        checks.forEach(check -> assertThat(check.get("healthy").asBoolean()).as(check.toString()).isTrue());
    }

    /** Dropwizard's health module, on the public port where a load balancer reaches it; Redis is not critical. */
    @Test
    void readinessIsTheHealthModulesCriticalChecksOnThePublicPort() {
        Resp ready = api.get("/health-check?type=ready&name=all");
        assertThat(ready.status()).as(ready.toString()).isEqualTo(200);
        assertThat(ready.header("Cache-Control")).contains("no-store");
        JsonNode checks = ready.json();
        assertThat(checks.findValuesAsText("name")).containsExactlyInAnyOrder("deadlocks", "request-threads", "warmup");
        checks.forEach(check -> assertThat(check.get("critical").asBoolean()).as(check.toString()).isTrue());
        assertThat(api.get("/health-check?type=alive").status()).isEqualTo(200);
    }

    @Test
    void prometheusHasHttpAndDomainMetricsByRouteTemplate() {
        String eventId = steps.newEventId(10);
        JsonNode hold = steps.hold(eventId, 2);
        api.get("/api/v1/events/" + eventId);
        api.get("/api/v1/holds/" + hold.get("hold_id").asText());
        steps.book(hold);

        Resp resp = scrapeShowing("http_requests_total{method=\"POST\",path=\"/api/v1/book\",status=\"201\"}");
        assertThat(resp.status()).isEqualTo(200);
        assertThat(resp.contentType()).startsWith("text/plain");
        String text = resp.body();
        assertThat(text)
                .contains("http_requests_total{method=\"POST\",path=\"/api/v1/holds\",status=\"201\"}")
                .contains("http_requests_total{method=\"POST\",path=\"/api/v1/events\",status=\"201\"}")
                .contains("http_requests_total{method=\"GET\",path=\"/api/v1/events/{event_id}\",status=\"200\"}")
                .contains("http_requests_total{method=\"GET\",path=\"/api/v1/holds/{hold_id}\",status=\"200\"}")
                .contains("http_requests_total{method=\"POST\",path=\"/api/v1/book\",status=\"201\"}")
                .contains("http_request_duration_seconds_bucket")
                .contains("boxoffice_holds_placed_total")
                .contains("boxoffice_bookings_total")
                .contains("boxoffice_seats_available");
        // (JVM metrics are registered by Application.run's bootstrap, which DropwizardTestSupport does not call.)
        assertThat(text).doesNotContain(eventId);
        assertThat(text).doesNotContain(hold.get("hold_id").asText());
    }

    /**
     * Scrapes until the text shows the line, for at most a few seconds: a request is counted when Jersey reports it
     * finished, which is after its response went out, so the client may ask for the scrape first.
     */
    private Resp scrapeShowing(String line) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Resp resp = admin.get("/prometheus");
        while (!resp.body().contains(line) && System.nanoTime() - deadline < 0) {
            Pause.sleep(Duration.ofMillis(20));
            resp = admin.get("/prometheus");
        }
        return resp;
    }

    @Test
    void prometheusCountsRefusalsUnderTheirTemplateToo() {
        api.get("/api/v1/events/no-such-event");
        api.get("/api/v1/no/such/path/" + java.util.UUID.randomUUID());
        String text = admin.get("/prometheus").body();
        assertThat(text)
                .contains("http_requests_total{method=\"GET\",path=\"/api/v1/events/{event_id}\",status=\"404\"}");
        assertThat(text).doesNotContain("no-such-event").doesNotContain("/no/such/path");
    }

    @Test
    void theExpireHoldTaskReleasesAHold() {
        String eventId = steps.newEventId(10);
        JsonNode hold = steps.hold(eventId, 4);
        String holdId = hold.get("hold_id").asText();

        Resp first = task("/tasks/expire-hold?hold_id=" + holdId);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        assertThat(first.contentType()).startsWith("text/plain");
        assertThat(first.body()).isEqualTo("released " + holdId + " qty=4 event_id=" + eventId + "\n");
        assertThat(steps.counts(eventId)).containsExactly(10, 10, 0, 0);
        assertThat(api.get("/api/v1/holds/" + holdId).json().get("status").asText()).isEqualTo("expired");

        Resp again = task("/tasks/expire-hold?hold_id=" + holdId);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.body()).isEqualTo("already expired " + holdId + " qty=4 event_id=" + eventId + "\n");
        assertThat(steps.counts(eventId)).containsExactly(10, 10, 0, 0);
    }

    @Test
    void theExpireHoldTaskAnswers404ForAnUnknownHold() {
        // Answered 200 before issue #14, so curl -f took the refusal for a success.
        String unknown = HoldFixtures.newHoldId(steps.newEventId(10));
        Resp resp = task("/tasks/expire-hold?hold_id=" + unknown);
        assertThat(resp.status()).as(resp.toString()).isEqualTo(404);
        assertThat(resp.contentType()).startsWith("text/plain");
        assertThat(resp.body()).isEqualTo("error: Hold not found: " + unknown + "\n");

        Resp malformed = task("/tasks/expire-hold?hold_id=nope");
        assertThat(malformed.status()).as(malformed.toString()).isEqualTo(404);
        assertThat(malformed.body()).isEqualTo("error: Hold not found: nope\n");
    }

    @Test
    void theExpireHoldTaskAnswers400WithoutExactlyOneHoldId() {
        String usage = "error: pass exactly one hold_id, e.g. /tasks/expire-hold?hold_id=<id>\n";
        for (String query : new String[] {"", "?hold_id=", "?hold_id=a&hold_id=b", "?id=a"}) {
            Resp resp = task("/tasks/expire-hold" + query);
            assertThat(resp.status()).as(query + " -> " + resp).isEqualTo(400);
            assertThat(resp.contentType()).startsWith("text/plain");
            assertThat(resp.body()).as(query).isEqualTo(usage);
        }
    }

    @Test
    void theExpireHoldTaskAnswers409ForABookedHold() {
        String eventId = steps.newEventId(10);
        JsonNode hold = steps.hold(eventId, 4);
        steps.book(hold);
        String holdId = hold.get("hold_id").asText();
        Resp booked = task("/tasks/expire-hold?hold_id=" + holdId);
        assertThat(booked.status()).as(booked.toString()).isEqualTo(409);
        assertThat(booked.body()).isEqualTo("error: Hold is already booked: " + holdId + "\n");
        assertThat(steps.counts(eventId)).containsExactly(10, 6, 0, 4);
    }

    @Test
    void tasksStayPostOnlyAndListed() {
        Resp get = admin.get("/tasks/expire-hold?hold_id=nope");
        assertThat(get.status()).as(get.toString()).isEqualTo(405);
        assertThat(get.header("Allow")).hasValue("POST");
        assertThat(admin.get("/tasks/sweep-expired").status()).isEqualTo(405);
        assertThat(admin.get("/tasks").body().lines())
                .contains("expire-hold", "sweep-expired", "verify-ledger", "gc", "log-level");
    }

    @Test
    void dropwizardsOwnTasksStillRunOnItsServlet() {
        Resp level = task("/tasks/log-level?logger=boxoffice.admin-port-test&level=WARN");
        assertThat(level.status()).as(level.toString()).isEqualTo(200);
        assertThat(level.body()).contains("boxoffice.admin-port-test").contains("WARN");
        assertThat(task("/tasks/no-such-task").status()).isEqualTo(404);
    }

    @Test
    void theVerifyLedgerTaskReportsWith200() {
        steps.newEventId(10);
        Resp report = task("/tasks/verify-ledger");
        assertThat(report.status()).as(report.toString()).isEqualTo(200);
        assertThat(report.body()).matches("checked \\d+ events, 0 drifted\n");
    }

    @Test
    void theSweepTaskReleasesDueHoldsAndSaysHowMany() {
        task("/tasks/sweep-expired");
        String eventId = steps.newEventId(10);
        JsonNode a = steps.hold(eventId, 1, 10);
        JsonNode b = steps.hold(eventId, 2, 10);
        steps.hold(eventId, 3, 900);
        CLOCK.advance(Duration.ofSeconds(10));

        Resp sweep = task("/tasks/sweep-expired");
        assertThat(sweep.status()).isEqualTo(200);
        assertThat(sweep.body().strip()).isEqualTo("released 2 holds");
        assertThat(steps.counts(eventId)).containsExactly(10, 7, 3, 0);
        assertThat(api.get("/api/v1/holds/" + a.get("hold_id").asText()).json().get("status").asText())
                .isEqualTo("expired");
        assertThat(steps.book(b).status()).isEqualTo(409);

        assertThat(task("/tasks/sweep-expired").body().strip()).isEqualTo("released 0 holds");
    }

    @Test
    void theAdminPortIsNotTheApi() {
        admin.get("/api/v1/metrics").assertClientErrorJson();
        assertThat(api.get("/prometheus").status()).isEqualTo(404);
        assertThat(api.post("/tasks/sweep-expired", "", "Content-Type", "text/plain").status()).isEqualTo(404);
    }

    @Test
    void aHoldCreatedThroughTheApiIsStillBookableAfterAFailedTask() {
        JsonNode hold = steps.hold(steps.newEventId(1), 1);
        task("/tasks/expire-hold?hold_id=" + hold.get("hold_id").asText() + "x");
        assertThat(steps.book(hold).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/book", obj("hold_id", hold.get("hold_id").asText(),
                "payment_token", hold.get("payment_token").asText())).header("Idempotent-Replayed")).hasValue("true");
    }
}
