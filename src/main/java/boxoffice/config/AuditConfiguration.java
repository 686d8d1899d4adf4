package boxoffice.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * The ledger audit: how often events' counts are recomputed from their holds and bookings (each pass: the events
 * changed since the previous one), and every how many passes all events are.
 */
public class AuditConfiguration {
    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration interval = Duration.hours(1);

    @JsonProperty
    @Min(1)
    @Max(100_000)
    private int fullPassEvery = 24;

    public int getFullPassEvery() {
        return fullPassEvery;
    }

    public Duration getInterval() {
        return interval;
    }
}
