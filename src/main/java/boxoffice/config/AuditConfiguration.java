package boxoffice.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** How often every event's counts are recomputed from its holds and bookings (the ledger audit). */
public class AuditConfiguration {
    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration interval = Duration.hours(1);

    public Duration getInterval() {
        return interval;
    }
}
