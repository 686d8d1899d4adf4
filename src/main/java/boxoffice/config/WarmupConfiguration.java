package boxoffice.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * Warm before ready: at start-up the instance drives its own hot paths through its HTTP stack, against a private
 * in-process store, until its JIT compilers settle or {@code maxDuration} has passed, and only then reports ready.
 */
public class WarmupConfiguration {
    @JsonProperty
    private boolean enabled = false;

    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    @MaxDuration(value = 10, unit = TimeUnit.MINUTES)
    private Duration maxDuration = Duration.seconds(45);

    @JsonProperty
    @NotNull
    @MinDuration(value = 0, unit = TimeUnit.SECONDS)
    private Duration minDuration = Duration.seconds(10);

    @JsonProperty
    @Min(1)
    @Max(256)
    private int connections = 2;

    public boolean isEnabled() {
        return enabled;
    }

    public java.time.Duration maxDuration() {
        return maxDuration.toJavaDuration();
    }

    public java.time.Duration minDuration() {
        return minDuration.toJavaDuration();
    }

    public int getConnections() {
        return connections;
    }
}
