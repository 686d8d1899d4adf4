package boxoffice.resources;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.BoxOfficeConfiguration;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.http.HttpTestClient.Resp;
import boxoffice.testing.http.HttpTestClient;
import boxoffice.testing.process.BoxOfficeTestApp;
import com.codahale.metrics.health.HealthCheck;
import com.fasterxml.jackson.databind.JsonNode;
import io.dropwizard.testing.junit5.DropwizardAppExtension;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code /api/v1/metrics} and {@code /api/v1/health}; this class never moves the clock. */
class SystemResourceTest {
    private static final MutableClock CLOCK = MutableClock.startingNow();

    @RegisterExtension
    static final DropwizardAppExtension<BoxOfficeConfiguration> APP = BoxOfficeTestApp.create(CLOCK);

    private HttpTestClient api;
    private BoxOfficeSteps steps;

    @BeforeEach
    void client() {
        api = BoxOfficeTestApp.api(APP);
        steps = new BoxOfficeSteps(api);
    }

    @Test
    void metricsHasTheOriginalFiguresAndMore() {
        Resp resp = api.get("/api/v1/metrics");
        assertThat(resp.status()).isEqualTo(200);
        assertThat(resp.contentType()).startsWith("application/json");
        JsonNode metrics = resp.json();
        List<String> keys = new ArrayList<>();
        metrics.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactlyInAnyOrder("total_events", "total_bookings", "active_holds",
                "total_seats_booked", "expired_holds_total", "holds_created_total", "seats_total", "seats_available",
                "seats_held", "total_bookings_cancelled");
        metrics.forEach(value -> {
            assertThat(value.isIntegralNumber()).isTrue();
            assertThat(value.asLong()).isNotNegative();
        });
    }

    @Test
    void metricsFollowWhatHappens() {
        JsonNode before = api.get("/api/v1/metrics").json();
        String eventId = steps.newEventId(10);
        JsonNode booked = steps.hold(eventId, 3);
        steps.hold(eventId, 2);
        steps.book(booked);
        JsonNode after = api.get("/api/v1/metrics").json();

        assertThat(delta(before, after, "total_events")).isEqualTo(1);
        assertThat(delta(before, after, "holds_created_total")).isEqualTo(2);
        assertThat(delta(before, after, "total_bookings")).isEqualTo(1);
        assertThat(delta(before, after, "total_seats_booked")).isEqualTo(3);
        assertThat(delta(before, after, "active_holds")).isEqualTo(1);
        assertThat(delta(before, after, "seats_total")).isEqualTo(10);
        assertThat(delta(before, after, "seats_held")).isEqualTo(2);
        assertThat(delta(before, after, "seats_available")).isEqualTo(5);
        assertThat(after.get("seats_available").asLong() + after.get("seats_held").asLong()
                + after.get("total_seats_booked").asLong()).isEqualTo(after.get("seats_total").asLong());
    }

    private static long delta(JsonNode before, JsonNode after, String key) {
        return after.get(key).asLong() - before.get(key).asLong();
    }

    @Test
    void publicHealthSaysOnlyItsStatus() {
        Resp resp = api.get("/api/v1/health");
        assertThat(resp.status()).as(resp.toString()).isEqualTo(200);
        JsonNode health = resp.json();
        List<String> keys = new ArrayList<>();
        health.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("status");
        assertThat(health.get("status").asText()).isEqualTo("healthy");
    }

    /** A failing check's message (which may name a Redis address) is for the admin port, never the public one. */
    @Test
    void anUnhealthyServiceIs503WithTheDetailsOnlyOnTheAdminPort() {
        String detail = "store at redis://10.20.30.40:6379 did not answer";
        APP.getEnvironment().healthChecks().register("failing", new HealthCheck() {
            @Override
            protected Result check() {
                return Result.unhealthy(detail);
            }
        });
        try {
            Resp resp = api.get("/api/v1/health");
            assertThat(resp.status()).as(resp.toString()).isEqualTo(503);
            assertThat(resp.json().get("status").asText()).isEqualTo("unhealthy");
            assertThat(resp.json().size()).isEqualTo(1);
            assertThat(resp.body()).doesNotContain("10.20.30.40").doesNotContain("failing");
            Resp admin = BoxOfficeTestApp.admin(APP).get("/healthcheck");
            assertThat(admin.status()).isEqualTo(500);
            assertThat(admin.body()).contains(detail);
        } finally {
            APP.getEnvironment().healthChecks().unregister("failing");
        }
        assertThat(api.get("/api/v1/health").status()).isEqualTo(200);
    }
}
