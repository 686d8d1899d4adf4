package boxoffice.config;

import boxoffice.service.HoldPolicy;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.concurrent.TimeUnit;

/** How long holds last and how large they may be. */
public class HoldsConfiguration {
    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration ttl = Duration.minutes(2);

    /** A client's {@code ttl_seconds} is clamped into [ttlMin, ttlMax], and the default lies within it too. */
    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration ttlMin = Duration.seconds(10);

    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration ttlMax = Duration.minutes(15);

    @JsonProperty
    @Min(1)
    @Max(1_000_000)
    private int maxQuantity = 100;

    /** How long after its creation a hold may be extended to, at most. */
    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration maxLifetime = Duration.minutes(30);

    /** How long expired and booked holds stay readable; then the store forgets them. */
    @JsonProperty
    @NotNull
    @MinDuration(value = 1, unit = TimeUnit.SECONDS)
    private Duration finishedRetention = Duration.hours(24);

    @ValidationMethod(message = "HOLD_TTL_MIN (holds.ttlMin) <= HOLD_TTL (holds.ttl) <= HOLD_TTL_MAX (holds.ttlMax)"
            + " must hold: the default hold lifetime lies in the range a client may ask for")
    public boolean isDefaultTtlWithinTheClientRange() {
        return ttlMin.toJavaDuration().compareTo(ttl.toJavaDuration()) <= 0
                && ttl.toJavaDuration().compareTo(ttlMax.toJavaDuration()) <= 0;
    }

    /** The rules for new holds that these settings describe. */
    public HoldPolicy policy() {
        return new HoldPolicy(ttl.toJavaDuration(), ttlMin.toJavaDuration(), ttlMax.toJavaDuration(),
                maxLifetime.toJavaDuration(), maxQuantity);
    }

    @ValidationMethod(message = "HOLD_MAX_LIFETIME (holds.maxLifetime) must be at least HOLD_TTL_MAX (holds.ttlMax):"
            + " a hold may ask for the longest TTL when it is made")
    public boolean isMaxLifetimeAtLeastTheLongestTtl() {
        return maxLifetime.toJavaDuration().compareTo(ttlMax.toJavaDuration()) >= 0;
    }

    public Duration getTtl() {
        return ttl;
    }

    public Duration getTtlMin() {
        return ttlMin;
    }

    public Duration getTtlMax() {
        return ttlMax;
    }

    public int getMaxQuantity() {
        return maxQuantity;
    }

    public Duration getFinishedRetention() {
        return finishedRetention;
    }
}
