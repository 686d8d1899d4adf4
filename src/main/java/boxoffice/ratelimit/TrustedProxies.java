package boxoffice.ratelimit;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The proxies ({@code TRUSTED_PROXIES}: addresses or CIDR blocks, IPv4 or IPv6) whose {@code X-Forwarded-For} is
 * believed. The client of a request is its connection's peer, unless that peer is trusted: then the right-most
 * address in X-Forwarded-For that is not itself a trusted proxy (each proxy appends the address it got the request
 * from, so everything left of the first untrusted hop may be forged by the client).
 */
public final class TrustedProxies {
    /** Literal addresses only: never a host name, so parsing never waits for DNS. */
    private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]+");

    private final List<Block> blocks;

    private record Block(byte[] network, int prefix) {
        boolean contains(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int bits = prefix;
            for (int i = 0; i < address.length && bits > 0; i++, bits -= 8) {
                int mask = bits >= 8 ? 0xff : (0xff << (8 - bits)) & 0xff;
                if ((address[i] & mask) != (network[i] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }

    private TrustedProxies(List<Block> blocks) {
        this.blocks = blocks;
    }

    /** Comma-separated addresses and CIDR blocks; empty trusts no proxy. IllegalArgumentException on a bad entry. */
    public static TrustedProxies parse(String list) {
        List<Block> blocks = new ArrayList<>();
        for (String entry : list == null ? new String[0] : list.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            int slash = trimmed.indexOf('/');
            byte[] network = address(slash < 0 ? trimmed : trimmed.substring(0, slash))
                    .orElseThrow(() -> new IllegalArgumentException("not an IP address or CIDR block: " + trimmed));
            int prefix = network.length * 8;
            if (slash >= 0) {
                try {
                    prefix = Integer.parseInt(trimmed.substring(slash + 1));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a CIDR prefix length: " + trimmed);
                }
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new IllegalArgumentException("CIDR prefix length out of range: " + trimmed);
                }
            }
            blocks.add(new Block(network, prefix));
        }
        return new TrustedProxies(List.copyOf(blocks));
    }

    public boolean isEmpty() {
        return blocks.isEmpty();
    }

    /**
     * The client's address: {@code peer}, or behind trusted proxies the right-most untrusted address of the
     * X-Forwarded-For headers (in the order received; each may list several, comma-separated).
     */
    public String clientOf(String peer, List<String> forwardedFor) {
        if (!trusts(peer) || forwardedFor == null || forwardedFor.isEmpty()) {
            return peer;
        }
        List<String> hops = forwardedFor.stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(String::strip)
                .filter(hop -> !hop.isEmpty())
                .toList();
        String client = peer;
        for (int i = hops.size() - 1; i >= 0; i--) {
            String hop = hops.get(i);
            if (address(hop).isEmpty()) {
                return client; // garbage: the last address known to be good stands
            }
            client = hop;
            if (!trusts(hop)) {
                return hop;
            }
        }
        return client;
    }

    private boolean trusts(String address) {
        Optional<byte[]> bytes = address(address);
        return bytes.isPresent() && blocks.stream().anyMatch(block -> block.contains(bytes.get()));
    }

    private static Optional<byte[]> address(String literal) {
        String bare = literal.startsWith("[") && literal.endsWith("]")
                ? literal.substring(1, literal.length() - 1) : literal;
        if (bare.isEmpty() || !LITERAL.matcher(bare).matches() || (!bare.contains(".") && !bare.contains(":"))) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(bare).getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
