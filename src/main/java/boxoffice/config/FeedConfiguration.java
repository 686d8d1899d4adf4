package boxoffice.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** The events' change feeds: how long a change is kept ({@code CHANGE_RETENTION}). */
public class FeedConfiguration {
    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.MINUTES)
    private Duration retention = Duration.days(7);

    public Duration getRetention() {
        return retention;
    }
}
