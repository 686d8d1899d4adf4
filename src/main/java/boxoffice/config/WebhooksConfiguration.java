package boxoffice.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/**
 * Webhooks: which URLs may be subscribed ({@code WEBHOOK_ALLOW_HTTP}, {@code WEBHOOK_ALLOW_PRIVATE}: for tests and
 * development, never production), how long and how often a failing message is retried, how often each instance's
 * dispatcher looks for work and how long its lease on a webhook lasts, and the lag that turns health red.
 */
public class WebhooksConfiguration {
    @JsonProperty
    private boolean allowHttp = false;

    @JsonProperty
    private boolean allowPrivate = false;

    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration retryFor = Duration.days(3);

    @JsonProperty
    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    private Duration retryFirst = Duration.seconds(5);

    @JsonProperty
    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    private Duration retryMaxDelay = Duration.hours(1);

    @JsonProperty
    @NotNull
    @MinDuration(value = 10, unit = TimeUnit.MILLISECONDS)
    private Duration pollInterval = Duration.seconds(1);

    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration lease = Duration.seconds(30);

    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration timeout = Duration.seconds(10);

    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration lagThreshold = Duration.minutes(5);

    /** The holder renews its lease before each send; a send that outlasted the lease would race its successor. */
    @ValidationMethod(message = "WEBHOOK_LEASE (webhooks.lease) must be more than twice WEBHOOK_TIMEOUT"
            + " (webhooks.timeout): a send must end well within the lease renewed before it")
    public boolean isLeaseLongerThanTwoSends() {
        return lease.toMilliseconds() > 2 * timeout.toMilliseconds();
    }

    public boolean isAllowHttp() {
        return allowHttp;
    }

    public boolean isAllowPrivate() {
        return allowPrivate;
    }

    public Duration getRetryFor() {
        return retryFor;
    }

    public Duration getRetryFirst() {
        return retryFirst;
    }

    public Duration getRetryMaxDelay() {
        return retryMaxDelay;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public Duration getLease() {
        return lease;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public Duration getLagThreshold() {
        return lagThreshold;
    }
}
