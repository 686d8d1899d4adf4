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
 * The live availability streams ({@code GET /api/v1/events/{id}/availability}): how often the watched events' feeds
 * are polled (so at most one message per event per interval), the keep-alive comment's interval, and how many
 * streams one instance serves at once, in all and to one client address.
 */
public class LiveConfiguration {
    @JsonProperty
    @NotNull
    @MinDuration(value = 50, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration pollInterval = Duration.milliseconds(250);

    /** Below the connector's idleTimeout (30 s), or Jetty and proxies cut quiet streams. */
    @JsonProperty
    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 25, unit = TimeUnit.SECONDS)
    private Duration heartbeat = Duration.seconds(15);

    @JsonProperty
    @Min(0)
    @Max(1_000_000)
    private int maxClients = 10_000;

    /** Per client address, as the rate limit sees it: one client cannot take every stream. */
    @JsonProperty
    @Min(1)
    @Max(1_000_000)
    private int maxPerClient = 20;

    @JsonProperty
    @Min(1)
    @Max(64)
    private int senderThreads = 4;

    public Duration getPollInterval() {
        return pollInterval;
    }

    public Duration getHeartbeat() {
        return heartbeat;
    }

    public int getMaxClients() {
        return maxClients;
    }

    public int getMaxPerClient() {
        return maxPerClient;
    }

    public int getSenderThreads() {
        return senderThreads;
    }
}
