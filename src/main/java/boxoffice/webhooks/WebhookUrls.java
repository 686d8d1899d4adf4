package boxoffice.webhooks;

import boxoffice.core.InvalidFieldException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;

/**
 * Which URLs a webhook may be sent to. A webhook makes this service send requests where an organizer says, so it must
 * not become a way into the network it runs in (SSRF): {@code https} only, and never a host that resolves to a
 * loopback, private, shared (CGNAT), link-local, unique-local, multicast or unspecified address. The check runs when
 * the webhook is created and again before every send, so a name that later resolves elsewhere (DNS rebinding) is
 * refused then. {@code allowHttp} and {@code allowPrivate} lift the rules for tests and development only.
 */
public final class WebhookUrls {
    private static final int MAX_LENGTH = 2000;

    private final boolean allowHttp;
    private final boolean allowPrivate;

    public WebhookUrls(boolean allowHttp, boolean allowPrivate) {
        this.allowHttp = allowHttp;
        this.allowPrivate = allowPrivate;
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
        if (uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw new InvalidFieldException("url", "must not carry credentials or a fragment");
        }
        try {
            checkAddresses(uri);
        } catch (RefusedAddressException e) {
            throw new InvalidFieldException("url", e.getMessage());
        }
        return uri;
    }

    /** Before a send: the host's addresses now, refused as at creation. */
    public void checkAddresses(URI uri) throws RefusedAddressException {
        if (allowPrivate) {
            return;
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(uri.getHost());
        } catch (UnknownHostException e) {
            throw new RefusedAddressException("host " + uri.getHost() + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                throw new RefusedAddressException("host " + uri.getHost() + " resolves to an internal address ("
                        + address.getHostAddress() + "); webhooks go to public addresses only");
            }
        }
    }

    /** Loopback, unspecified, private, shared, link-local, unique-local (fc00::/7) or multicast. */
    static boolean isInternal(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocal = address instanceof Inet6Address && (bytes[0] & 0xfe) == 0xfc;
        boolean sharedOrZero = bytes.length == 4 && ((bytes[0] == 100 && (bytes[1] & 0xc0) == 64) || bytes[0] == 0);
        return address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isSiteLocalAddress()
                || address.isLinkLocalAddress() || address.isMulticastAddress() || uniqueLocal || sharedOrZero;
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
