package boxoffice.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** A host name's addresses: the system's resolver in production; tests pass their own (no real DNS, no rebinding). */
@FunctionalInterface
public interface HostResolver {
    HostResolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));

    List<InetAddress> resolve(String host) throws UnknownHostException;
}
