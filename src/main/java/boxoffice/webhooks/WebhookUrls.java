package boxoffice.webhooks;

import boxoffice.refusals.InvalidFieldException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

/**
 * Which URLs a webhook may be sent to. A webhook makes this service send requests where an organizer says, so it must
 * not become a way into the network it runs in (SSRF): {@code https} only, a port from 1 to 65535, and never a host
 * with an address the policy refuses ({@link PublicAddresses}: loopback, private, shared, link-local, reserved,
 * multicast, and IPv6 forms of those). The check runs when the webhook is created and again whenever the sender opens
 * a connection, which then goes to the addresses checked, never to a second lookup's (DNS rebinding).
 * {@code allowHttp} and {@code allowPrivate} lift the rules for tests and development only.
 */
public final class WebhookUrls {
    private static final int MAX_LENGTH = 2000;
    private static final int MAX_PORT = 65535;

    private final boolean allowHttp;
    private final boolean allowPrivate;
    private final HostResolver resolver;
    private final AddressPolicy policy;

    /** As in production: the system's resolver, public addresses only (unless {@code allowPrivate}). */
    public WebhookUrls(boolean allowHttp, boolean allowPrivate) {
        this(allowHttp, allowPrivate, HostResolver.SYSTEM, new PublicAddresses());
    }

    /** @param policy the addresses allowed unless {@code allowPrivate} */
    public WebhookUrls(boolean allowHttp, boolean allowPrivate, HostResolver resolver, AddressPolicy policy) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
        this.resolver = resolver;
        this.policy = allowPrivate ? AddressPolicy.ANY : policy;
    }

    /** The URL a client asks for, checked; else {@link InvalidFieldException} on {@code url} (422). */
    public URI check(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidFieldException("url", "is required");
        }
        if (url.length() > MAX_LENGTH) {
            throw new InvalidFieldException("url", "must be at most " + MAX_LENGTH + " characters");
        }
        URI uri = parse(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new InvalidFieldException("url", allowHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw new InvalidFieldException("url", "must name a host");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > MAX_PORT)) {
            throw new InvalidFieldException("url", "must have a port from 1 to " + MAX_PORT);
        }
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new InvalidFieldException("url", "must not carry credentials or a fragment");
        }
        if (!allowPrivate) {
            try {
                addresses(uri.getHost());
            } catch (RefusedAddressException e) {
                throw new InvalidFieldException("url", e.getMessage());
            }
        }
        return uri;
    }

    /**
     * The host's addresses now, each allowed by the policy: what a connection may go to. Refused when the host does
     * not resolve or when any of its addresses is refused (a name that also points inward is not trusted).
     */
    public List<InetAddress> addresses(String host) throws RefusedAddressException {
        String name = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        List<InetAddress> addresses;
        try {
            addresses = resolver.resolve(name);
        } catch (UnknownHostException e) {
            throw new RefusedAddressException("host " + name + " does not resolve");
        }
        if (addresses.isEmpty()) {
            throw new RefusedAddressException("host " + name + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (!policy.allows(address)) {
                throw new RefusedAddressException("host " + name + " resolves to an internal address ("
                        + address.getHostAddress() + "); webhooks go to public addresses only");
            }
        }
        return addresses;
    }

    private static URI parse(String url) {
        try {
            return new URI(url.strip());
        } catch (URISyntaxException e) {
            throw new InvalidFieldException("url", "is not a URL: " + e.getReason());
        }
    }

    /** A host this service will not send to. */
    public static final class RefusedAddressException extends Exception {
        private static final long serialVersionUID = 1L;

        RefusedAddressException(String message) {
            super(message, null, false, false);
        }
    }
}
