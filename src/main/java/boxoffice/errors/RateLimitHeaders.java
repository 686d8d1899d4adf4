package boxoffice.errors;

import boxoffice.core.RateLimitAnswer;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
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

    /** The headers of a request that was let through. */
    public static void add(MultivaluedMap<String, Object> headers, RateLimitAnswer answer) {
        headers.putSingle(POLICY, policy(answer));
        headers.putSingle(LIMIT, limit(answer));
    }

    /** The headers of a refusal (429). */
    static Response.ResponseBuilder refused(Response.ResponseBuilder response, RateLimitAnswer answer) {
        return response.header(HttpHeaders.RETRY_AFTER, seconds(answer.untilNext()))
                .header(POLICY, policy(answer))
                .header(LIMIT, limit(answer));
    }

    private static String policy(RateLimitAnswer answer) {
        return "\"" + answer.quota().name() + "\";q=" + answer.quota().tokens() + ";w="
                + answer.quota().window().toSeconds();
    }

    private static String limit(RateLimitAnswer answer) {
        return "\"" + answer.quota().name() + "\";r=" + answer.remaining() + ";t=" + seconds(answer.untilFull());
    }

    /** Rounded up, and at least 1: "retry after 0 seconds" invites a retry storm. */
    private static long seconds(Duration duration) {
        return Math.max(1, -Math.floorDiv(-duration.toNanos(), 1_000_000_000L));
    }
}
