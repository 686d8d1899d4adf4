package boxoffice.webhooks;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.SocketAddressResolver;

/**
 * How the sender's HTTP client finds where to connect: the addresses {@link WebhookUrls} has just checked, and only
 * those. The lookup that is checked is the lookup that is used, so a name that answers a public address to the check
 * and an internal one to a second lookup (DNS rebinding) has no second lookup to win. The request keeps the host name
 * for its {@code Host} header, the TLS server name and the certificate check.
 */
final class CheckedAddressResolver implements SocketAddressResolver {
    private final WebhookUrls urls;

    CheckedAddressResolver(WebhookUrls urls) {
        this.urls = urls;
    }

    @Override
    public void resolve(String host, int port, Map<String, Object> context, Promise<List<InetSocketAddress>> promise) {
        List<InetAddress> addresses;
        try {
            addresses = urls.addresses(host);
        } catch (WebhookUrls.RefusedAddressException | RuntimeException refused) {
            promise.failed(refused);
            return;
        }
        promise.succeeded(addresses.stream().map(address -> new InetSocketAddress(address, port)).toList());
    }
}
