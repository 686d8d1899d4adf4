package boxoffice.resources;

import boxoffice.admission.RateLimit;
import boxoffice.admission.RateLimiter;
import boxoffice.admission.TrustedProxies;
import boxoffice.core.RateLimitAnswer;
import boxoffice.errors.RateLimitHeaders;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Optional;

/**
 * Counts each {@link RateLimited} request against its caller's bucket: an organizer's when it presents a recognised
 * organizer key, else its client address's ({@link TrustedProxies}). Runs after authentication and before the body is
 * read, so a refused request (429, {@code RATE_LIMITED}, with Retry-After) costs no parsing and never reaches the
 * services; a request let through gets the RateLimit headers on its answer.
 */
@RateLimited
@Priority(Priorities.AUTHENTICATION + 100)
public final class RateLimitFilter implements ContainerRequestFilter, ContainerResponseFilter {
    private static final String ANSWER = RateLimitFilter.class.getName() + ".answer";
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final RateLimiter limiter;
    private final OrganizerKeys organizers;
    private final TrustedProxies proxies;

    public RateLimitFilter(RateLimiter limiter, OrganizerKeys organizers, TrustedProxies proxies) {
        this.limiter = limiter;
        this.organizers = organizers;
        this.proxies = proxies;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Optional<String> organizer = organizers.organizerOf(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        Optional<RateLimitAnswer> answer = organizer.isPresent()
                ? limiter.take(RateLimit.ORGANIZER, organizer.get())
                : limiter.take(RateLimit.CLIENT, clientAddress(request));
        answer.ifPresent(granted -> request.setProperty(ANSWER, granted));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(ANSWER) instanceof RateLimitAnswer answer) {
            RateLimitHeaders.add(response.getHeaders(), answer);
        }
    }

    private String clientAddress(ContainerRequestContext request) {
        String peer = (String) request.getProperty(PeerAddressFilter.PROPERTY);
        if (peer == null) {
            throw new IllegalStateException(PeerAddressFilter.class.getSimpleName() + " is not in front of the API");
        }
        return proxies.clientOf(peer, request.getHeaders().get(FORWARDED_FOR));
    }
}
