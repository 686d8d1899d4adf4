package boxoffice.resources;

import boxoffice.http.OrganizerKeys;
import boxoffice.http.RateLimitHeaders;
import boxoffice.ratelimit.RateLimit;
import boxoffice.ratelimit.RateLimiter;
import boxoffice.refusals.RateLimitAnswer;
import jakarta.annotation.Priority;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;
import java.util.Set;

/**
 * Counts every write of the API (any method but GET, HEAD and OPTIONS) against its caller's bucket: an organizer's
 * when it presents a recognised organizer key, else its client address's ({@link ClientAddresses}). Bound to every
 * resource method rather than opted into, so a new write cannot forget its limit. Runs after authentication and
 * before the body is read, so a refused request (429, {@code RATE_LIMITED}, with Retry-After) costs no parsing and
 * never reaches the services; a request let through gets the RateLimit headers on its answer.
 */
@Priority(Priorities.AUTHENTICATION + 100)
public final class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String ANSWER = RateLimitFilter.class.getName() + ".answer";
    private static final Set<String> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    private final RateLimiter limiter;
    private final OrganizerKeys organizers;
    private final ClientAddresses clients;

    public RateLimitFilter(RateLimiter limiter, OrganizerKeys organizers, ClientAddresses clients) {
        this.limiter = limiter;
        this.organizers = organizers;
        this.clients = clients;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (READS.contains(request.getMethod())) {
            return;
        }
        Optional<String> organizer = organizers.organizerOf(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        Optional<RateLimitAnswer> answer = organizer.isPresent()
                ? limiter.take(RateLimit.ORGANIZER, organizer.get())
                : limiter.take(RateLimit.CLIENT, clients.of(request));
        answer.ifPresent(granted -> request.setProperty(ANSWER, granted));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(ANSWER) instanceof RateLimitAnswer answer) {
            RateLimitHeaders.add(response.getHeaders(), answer);
        }
    }
}
