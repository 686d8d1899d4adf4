package boxoffice.warmup;

import com.codahale.metrics.health.HealthCheck;

/** Not ready until the warm-up is over (healthy at once when it is off): config.yml's {@code warmup} ready check. */
final class WarmupHealthCheck extends HealthCheck {
    private final Warmup warmup;

    WarmupHealthCheck(Warmup warmup) {
        this.warmup = warmup;
    }

    @Override
    protected Result check() {
        return warmup.isOver() ? Result.healthy(warmup.describe()) : Result.unhealthy(warmup.describe());
    }
}
