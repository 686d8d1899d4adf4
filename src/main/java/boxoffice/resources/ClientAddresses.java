package boxoffice.resources;

import boxoffice.ratelimit.TrustedProxies;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * The client address of an API request as the limits see it: the connection's peer ({@link PeerAddressFilter}), or
 * behind trusted proxies the client X-Forwarded-For names ({@link TrustedProxies}). The rate limit and the cap on
 * live streams per client both count by it, so one answer to "who is this" holds for both.
 */
public final class ClientAddresses {
    private static final String FORWARDED_FOR = "X-Forwarded-For";

    private final TrustedProxies proxies;

    public ClientAddresses(TrustedProxies proxies) {
        this.proxies = proxies;
    }

    public String of(ContainerRequestContext request) {
        String peer = (String) request.getProperty(PeerAddressFilter.PROPERTY);
        if (peer == null) {
            throw new IllegalStateException(PeerAddressFilter.class.getSimpleName() + " is not in front of the API");
        }
        return proxies.clientOf(peer, request.getHeaders().get(FORWARDED_FOR));
    }
}
