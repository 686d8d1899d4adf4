package boxoffice.webhooks;

import java.net.InetAddress;

/**
 * Which addresses webhooks may connect to: {@link PublicAddresses} in production, every address with
 * {@code WEBHOOK_ALLOW_PRIVATE}; tests pass their own to stand for the public internet on loopback.
 */
@FunctionalInterface
public interface AddressPolicy {
    AddressPolicy ANY = address -> true;

    boolean allows(InetAddress address);
}
