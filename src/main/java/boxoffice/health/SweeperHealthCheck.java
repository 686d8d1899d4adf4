package boxoffice.health;

import boxoffice.lifecycle.ExpirySweeper;
import com.codahale.metrics.health.HealthCheck;
import java.time.Duration;

/** Healthy while the expiry sweeper has succeeded within the last three intervals. */
public final class SweeperHealthCheck extends HealthCheck {
    private static final int MISSED_PASSES_ALLOWED = 3;

    private final ExpirySweeper sweeper;

    public SweeperHealthCheck(ExpirySweeper sweeper) {
        this.sweeper = sweeper;
    }

    @Override
    protected Result check() {
        Duration lag = sweeper.lag();
        Duration limit = sweeper.interval().multipliedBy(MISSED_PASSES_ALLOWED);
        String message = "last successful sweep " + lag.toMillis() + " ms ago";
        return lag.compareTo(limit) <= 0 ? Result.healthy(message) : Result.unhealthy(message);
    }
}
