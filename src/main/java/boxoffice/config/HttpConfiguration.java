package boxoffice.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Limits and credentials of the public API. */
public class HttpConfiguration {
    @JsonProperty
    @NotNull
    @MaxDataSize(value = 1, unit = io.dropwizard.util.DataSizeUnit.MEBIBYTES)
    private DataSize maxBodySize = DataSize.kibibytes(16);

    /** For a body that may carry a seating chart (creating an event): 200,000 seats described by rows. */
    @JsonProperty
    @NotNull
    @MaxDataSize(value = 64, unit = io.dropwizard.util.DataSizeUnit.MEBIBYTES)
    private DataSize maxLargeBodySize = DataSize.mebibytes(8);

    /** A request's body must have arrived whole this long after the request did, or it is refused with 408. */
    @JsonProperty
    @NotNull
    @MinDuration(value = 100, unit = TimeUnit.MILLISECONDS)
    @MaxDuration(value = 5, unit = TimeUnit.MINUTES)
    private Duration bodyTimeout = Duration.seconds(10);

    /** Comma-separated organizer API keys; empty leaves organizer actions open to anyone. */
    @JsonProperty
    private String organizerApiKeys = "";

    public DataSize getMaxBodySize() {
        return maxBodySize;
    }

    public DataSize getMaxLargeBodySize() {
        return maxLargeBodySize;
    }

    public Duration getBodyTimeout() {
        return bodyTimeout;
    }

    /** A value that is set but names no key (such as " , ") is a mistake, not a request for open mode. */
    @ValidationMethod(message = "ORGANIZER_API_KEYS (http.organizerApiKeys) is set but holds no key;"
            + " leave it empty for open mode, or list comma-separated keys")
    public boolean isOrganizerApiKeysEmptyOnlyWhenUnset() {
        return organizerApiKeys == null || organizerApiKeys.isBlank() || !organizerApiKeys().isEmpty();
    }

    public List<String> organizerApiKeys() {
        return Arrays.stream(organizerApiKeys == null ? new String[0] : organizerApiKeys.split(","))
                .map(String::strip)
                .filter(key -> !key.isEmpty())
                .toList();
    }
}
