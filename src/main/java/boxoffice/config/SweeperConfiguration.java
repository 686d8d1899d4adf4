package boxoffice.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** The expiry sweeper: how often it runs and how many events it visits per pass. */
public class SweeperConfiguration {
    @JsonProperty
    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    private Duration interval = Duration.seconds(1);

    @JsonProperty
    @Min(1)
    @Max(100_000)
    private int eventsPerPass = 500;

    public Duration getInterval() {
        return interval;
    }

    public int getEventsPerPass() {
        return eventsPerPass;
    }
}
