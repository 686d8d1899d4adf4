package boxoffice.config;

import boxoffice.ratelimit.RateLimit;
import boxoffice.ratelimit.TrustedProxies;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.dropwizard.validation.ValidationMethod;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code admission:} more buyers than seats. The public API's rate limits (writes per second per caller, the burst
 * the same; a limit left empty is off), the proxies whose X-Forwarded-For names the client, and the key that signs
 * waiting rooms' admission tokens.
 */
public class AdmissionConfiguration {
    /** HMAC-SHA256 wants a key of at least its output's size. */
    public static final int MIN_TOKEN_KEY_BYTES = 32;

    @JsonProperty
    @NotNull
    private Map<RateLimit, @Min(1) @Max(1_000_000) Integer> rateLimits = new EnumMap<>(RateLimit.class);

    /** Comma-separated addresses or CIDR blocks; empty trusts no proxy (the connection's peer is the client). */
    @JsonProperty
    private String trustedProxies = "";

    /**
     * Comma-separated HMAC keys of at least 32 bytes, taken literally; the first signs, all are accepted. Empty: the
     * memory store makes a key of its own at start-up; the Redis store refuses to start (see
     * {@code BoxOfficeConfiguration}).
     */
    @JsonProperty
    private String tokenKey = "";

    public Map<RateLimit, Integer> getRateLimits() {
        return rateLimits == null ? Map.of() : rateLimits;
    }

    public TrustedProxies trustedProxies() {
        return TrustedProxies.parse(trustedProxies);
    }

    public List<String> tokenKeys() {
        return Arrays.stream(tokenKey == null ? new String[0] : tokenKey.split(","))
                .map(String::strip)
                .filter(key -> !key.isEmpty())
                .toList();
    }

    @ValidationMethod(message = "TRUSTED_PROXIES (admission.trustedProxies) must list IP addresses or CIDR blocks,"
            + " comma-separated")
    public boolean isTrustedProxiesValid() {
        try {
            trustedProxies();
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    @ValidationMethod(message = "ADMISSION_TOKEN_KEY (admission.tokenKey): each key needs at least "
            + MIN_TOKEN_KEY_BYTES + " bytes (e.g. openssl rand -base64 32), and a value that is set must"
            + " hold a key")
    public boolean isTokenKeyStrong() {
        boolean set = tokenKey != null && !tokenKey.isBlank();
        return (!set || !tokenKeys().isEmpty()) && tokenKeys().stream()
                .allMatch(key -> key.getBytes(StandardCharsets.UTF_8).length >= MIN_TOKEN_KEY_BYTES);
    }
}
