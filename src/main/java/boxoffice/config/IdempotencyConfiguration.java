package boxoffice.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** How long Idempotency-Keys are remembered, and how long a first request counts as still in flight. */
public class IdempotencyConfiguration {
    /** At least the longest hold TTL (checked with it), so a retry of a hold creation is recognised for the whole hold. */
    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration retention = Duration.hours(24);

    @JsonProperty
    @NotNull
    private Duration inFlightWindow = Duration.seconds(10);

    public Duration getRetention() {
        return retention;
    }

    public Duration getInFlightWindow() {
        return inFlightWindow;
    }
}
