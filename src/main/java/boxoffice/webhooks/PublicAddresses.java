package boxoffice.webhooks;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/**
 * The addresses a webhook may reach: public unicast only. Refused in IPv4: this network, private, shared (CGNAT),
 * loopback, link-local, IETF protocol assignments, benchmarking (198.18.0.0/15), multicast, reserved (240.0.0.0/4)
 * and broadcast. Refused in IPv6: everything outside global unicast (2000::/3), so unspecified, loopback,
 * IPv4-compatible, link- and site-local, unique-local and multicast; the IETF's special block 2001::/23 (Teredo among
 * it: its embedded addresses are a relay's and an obfuscated client's, not where the packets go); local-use NAT64
 * (64:ff9b:1::/48). An IPv6 address that carries an IPv4 one (mapped {@code ::ffff:0:0/96}, NAT64
 * {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) is judged as the IPv4 address it carries.
 */
public final class PublicAddresses implements AddressPolicy {
    private static final List<V4Block> INTERNAL_V4 = V4Block.all("0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10",
            "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12", "192.0.0.0/24", "192.168.0.0/16", "198.18.0.0/15",
            "224.0.0.0/4", "240.0.0.0/4");
    private static final byte[] MAPPED = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff};
    private static final byte[] NAT64 = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0};
    private static final byte[] LOCAL_NAT64 = {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 1};
    private static final byte[] SIX_TO_FOUR = {0x20, 0x02};

    @Override
    public boolean allows(InetAddress address) {
        byte[] bytes = address.getAddress();
        return bytes.length == 4 ? publicV4(v4(bytes, 0)) : publicV6(bytes);
    }

    private static boolean publicV4(int address) {
        return INTERNAL_V4.stream().noneMatch(block -> block.contains(address));
    }

    private static boolean publicV6(byte[] bytes) {
        if (startsWith(bytes, MAPPED) || startsWith(bytes, NAT64)) {
            return publicV4(v4(bytes, 12));
        }
        if (startsWith(bytes, SIX_TO_FOUR)) {
            return publicV4(v4(bytes, 2));
        }
        boolean globalUnicast = (bytes[0] & 0xe0) == 0x20;
        boolean ietfSpecial = bytes[0] == 0x20 && bytes[1] == 0x01 && (bytes[2] & 0xfe) == 0;
        return globalUnicast && !ietfSpecial && !startsWith(bytes, LOCAL_NAT64);
    }

    /** The IPv4 address in the four bytes from {@code from}. */
    private static int v4(byte[] bytes, int from) {
        return ((bytes[from] & 0xff) << 24) | ((bytes[from + 1] & 0xff) << 16) | ((bytes[from + 2] & 0xff) << 8)
                | (bytes[from + 3] & 0xff);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** An IPv4 CIDR block. */
    private record V4Block(int network, int mask) {
        static List<V4Block> all(String... cidrs) {
            return Arrays.stream(cidrs).map(V4Block::parse).toList();
        }

        static V4Block parse(String cidr) {
            String[] parts = cidr.split("/");
            try {
                int network = v4(InetAddress.getByName(parts[0]).getAddress(), 0); // a literal: no lookup
                return new V4Block(network, -1 << (32 - Integer.parseInt(parts[1])));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException(cidr, e);
            }
        }

        boolean contains(int address) {
            return (address & mask) == network;
        }
    }
}
