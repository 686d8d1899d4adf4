package boxoffice.config;

import boxoffice.domain.Organizer;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.util.DataSize;
import io.dropwizard.util.Duration;
import io.dropwizard.validation.MaxDataSize;
import io.dropwizard.validation.MaxDuration;
import io.dropwizard.validation.MinDuration;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

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

    /**
     * Comma-separated organizer API keys, each {@code organizer:key} (several per organizer, for rotation) or a bare
     * key (organizer {@code default}); empty, with no admin keys either, leaves organizer actions open to anyone.
     */
    @JsonProperty
    private String organizerApiKeys = "";

    /** Comma-separated keys that act on every organizer's events (operators); optional. */
    @JsonProperty
    private String adminApiKeys = "";

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

    @ValidationMethod(message = "ADMIN_API_KEYS (http.adminApiKeys) is set but holds no key;"
            + " leave it empty, or list comma-separated keys")
    public boolean isAdminApiKeysEmptyOnlyWhenUnset() {
        return adminApiKeys == null || adminApiKeys.isBlank() || !adminApiKeys().isEmpty();
    }

    @ValidationMethod(message = "ORGANIZER_API_KEYS (http.organizerApiKeys) has an entry organizer:key with an"
            + " empty key or an organizer id other than letters, digits, '.', '_' and '-' (at most 64); the first"
            + " colon ends the organizer id, so write a key containing a colon as default:<key>")
    public boolean isEveryOrganizerKeyWellFormed() {
        return organizerApiKeys().stream()
                .allMatch(entry -> Organizer.isValidId(entry.organizer()) && !entry.key().isEmpty());
    }

    /** One key for two organizers (or for an organizer and the admins) could not say whose a request is. */
    @ValidationMethod(message = "ORGANIZER_API_KEYS and ADMIN_API_KEYS list a key more than once; give every"
            + " organizer, and the admins, keys of their own")
    public boolean isEveryKeyListedOnce() {
        return apiKeys().size() == new HashSet<>(apiKeys()).size();
    }

    /** The organizer keys, in the order configured. */
    public List<OrganizerApiKey> organizerApiKeys() {
        return split(organizerApiKeys).stream().map(OrganizerApiKey::parse).toList();
    }

    public List<String> adminApiKeys() {
        return split(adminApiKeys);
    }

    /** Every key, the organizers' first, then the admins'. */
    public List<String> apiKeys() {
        return Stream.concat(organizerApiKeys().stream().map(OrganizerApiKey::key), adminApiKeys().stream()).toList();
    }

    private static List<String> split(String keys) {
        return Arrays.stream(keys == null ? new String[0] : keys.split(","))
                .map(String::strip)
                .filter(key -> !key.isEmpty())
                .toList();
    }
}
