package boxoffice.refusals;

import java.time.Duration;
import java.util.List;

/**
 * What a refusal's answer says beyond its code and sentence, by name: the body's optional fields and what the client
 * should do next (retry later, authenticate). {@link BoxOfficeException#describe} fills it in; the HTTP layer decides
 * how each is written (a body field, a header).
 */
public interface ErrorDetails {
    /** The section that refused, or whose limit it is. */
    ErrorDetails section(String section);

    ErrorDetails available(int available);

    /** Seats asked for by name that are taken. */
    ErrorDetails unavailable(List<String> seats);

    ErrorDetails largestBlock(int largestBlock);

    ErrorDetails limit(int limit);

    ErrorDetails used(int used);

    /** A field of the request, as the client spells it, and what is wrong with it. */
    ErrorDetails fieldError(String field, String message);

    /** Where to join the waiting room that must be passed first. */
    ErrorDetails queueUrl(String queueUrl);

    /** The refusal passes with time: the client may retry after this long ({@code Retry-After}). */
    ErrorDetails retryAfter(Duration delay);

    /** The caller's rate limit: its quota, what is left and when it may retry. */
    ErrorDetails rateLimit(RateLimitAnswer answer);

    /** The credentials the request lacks, by authentication scheme ({@code WWW-Authenticate}). */
    ErrorDetails authenticate(String scheme);
}
