package boxoffice.http;

import boxoffice.refusals.RateLimitAnswer;
import jakarta.ws.rs.core.MultivaluedMap;
import java.time.Duration;

/**
 * The IETF draft's rate-limit headers ("RateLimit header fields for HTTP"): {@code RateLimit-Policy:
 * "client";q=10;w=1} (the quota: q requests per w seconds) and {@code RateLimit: "client";r=0;t=1} (r requests left,
 * t seconds until the quota is whole again); a refusal adds {@code Retry-After}, whole seconds until the next request
 * may pass.
 */
public final class RateLimitHeaders {
    public static final String POLICY = "RateLimit-Policy";
    public static final String LIMIT = "RateLimit";

    private RateLimitHeaders() {}

    /** The quota and what is left of it: on every answer to a limited request, let through or refused. */
    public static void add(MultivaluedMap<String, Object> headers, RateLimitAnswer answer) {
        headers.putSingle(POLICY, policy(answer));
        headers.putSingle(LIMIT, limit(answer));
    }

    private static String policy(RateLimitAnswer answer) {
        return "\"" + answer.quota().name() + "\";q=" + answer.quota().tokens() + ";w="
                + answer.quota().window().toSeconds();
    }

    private static String limit(RateLimitAnswer answer) {
        return "\"" + answer.quota().name() + "\";r=" + answer.remaining() + ";t=" + seconds(answer.untilFull());
    }

    /** Rounded up, and at least 1: "retry after 0 seconds" invites a retry storm. */
    public static long seconds(Duration duration) {
        return Math.max(1, -Math.floorDiv(-duration.toNanos(), 1_000_000_000L));
    }
}
