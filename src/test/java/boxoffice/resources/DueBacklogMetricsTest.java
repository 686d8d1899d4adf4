package boxoffice.resources;

import static org.assertj.core.api.Assertions.assertThat;

import boxoffice.testing.RedisTier;
import boxoffice.testing.fixtures.MutableClock;
import boxoffice.testing.http.BoxOfficeSteps;
import boxoffice.testing.process.AppOnRedis;
import boxoffice.testing.process.BoxOfficeTestApp;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The due backlog on the admin port's /prometheus, on Redis: holds due and not yet released (over every event), and
 * how long ago the oldest fell due. The background sweeper is slowed to once an hour so the holds stay due.
 */
@RedisTier
class DueBacklogMetricsTest {
    private static final MutableClock CLOCK = MutableClock.startingNow();

    @RegisterExtension
    static final AppOnRedis APP = AppOnRedis.start(redis ->
            BoxOfficeTestApp.create(CLOCK, BoxOfficeTestApp.redisStoreWithoutSweeper(redis)));

    @Test
    void theDueHoldsAndTheAgeOfTheOldestAreGauges() {
        BoxOfficeSteps steps = new BoxOfficeSteps(APP.api());
        String first = steps.newEventId(10);
        String second = steps.newEventId(10);
        steps.hold(first, 2, 10);
        steps.hold(first, 1, 10);
        CLOCK.advance(Duration.ofSeconds(5));
        steps.hold(second, 3, 10);
        steps.hold(second, 1, 60);
        CLOCK.advance(Duration.ofSeconds(12)); // the first two fell due 7 s ago, the third 2 s ago; the last is active

        String metrics = APP.admin().get("/prometheus").body();
        assertThat(metrics).contains("\nboxoffice_expiry_due_holds 3.0\n", "\nboxoffice_expiry_oldest_due_seconds 7.0\n");
        assertThat(steps.counts(first)).containsExactly(10, 10, 0, 0);
        assertThat(steps.counts(second)).containsExactly(10, 9, 1, 0);
    }
}
