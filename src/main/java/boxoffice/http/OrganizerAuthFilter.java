package boxoffice.http;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Authenticates organizers before the body is read or validated, so an unauthenticated caller gets 401/403, never
 * a validation answer about a body it may not send.
 */
@OrganizerOnly
@Priority(Priorities.AUTHENTICATION)
public final class OrganizerAuthFilter implements ContainerRequestFilter {
    private final OrganizerKeys organizers;

    public OrganizerAuthFilter(OrganizerKeys organizers) {
        this.organizers = organizers;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        organizers.requireOrganizer(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    }
}
