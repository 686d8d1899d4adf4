package boxoffice.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The address classifier behind the SSRF guard, on address literals only (no lookup). */
class PublicAddressesTest {
    private final PublicAddresses policy = new PublicAddresses();

    @ParameterizedTest
    @ValueSource(strings = {
        "0.0.0.0", "0.1.2.3",                          // this network, unspecified
        "10.0.0.1", "172.16.0.1", "172.31.255.255", "192.168.1.1", // private
        "100.64.0.1", "100.127.255.254",               // shared (CGNAT)
        "127.0.0.1", "127.255.255.254",                // loopback
        "169.254.169.254",                             // link-local: cloud metadata
        "192.0.0.8",                                   // IETF protocol assignments
        "198.18.0.1", "198.19.255.255",                // benchmarking
        "224.0.0.1", "239.255.255.250",                // multicast
        "240.0.0.1", "255.255.255.255",                // reserved, broadcast
        "::", "::1",                                   // unspecified, loopback
        "::127.0.0.1", "::7f00:1", "::8.8.8.8",        // IPv4-compatible (deprecated: never sent to)
        "::ffff:127.0.0.1", "::ffff:a9fe:a9fe",        // IPv4-mapped
        "64:ff9b::7f00:1", "64:ff9b::a9fe:a9fe", "64:ff9b::10.0.0.1", // NAT64 carrying internal IPv4
        "64:ff9b:1::808:808",                          // local-use NAT64
        "2002:a9fe:a9fe::", "2002:7f00:1::1", "2002:c0a8:101::",      // 6to4 carrying internal IPv4
        "2001::1", "2001:0:4136:e378:8000:63bf:3fff:fdd2", // Teredo
        "2001:2::1", "2001:10::1",                     // benchmarking, ORCHID (IETF special 2001::/23)
        "fe80::1", "fec0::1", "fc00::1", "fd12:3456::1", // link-local, site-local, unique-local
        "ff02::1", "ff05::1:3", "ff0e::1",             // multicast
        "100::1"})                                     // discard-only
    void refused(String literal) {
        assertThat(policy.allows(literal(literal))).as(literal).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "8.8.8.8", "1.1.1.1", "100.63.255.255", "100.128.0.1", "172.15.255.255", "172.32.0.1", "198.17.255.255",
        "198.20.0.1", "223.255.255.254", "203.0.113.10",
        "2606:4700:4700::1111", "2a00:1450:4001::200e",
        "::ffff:8.8.8.8",                              // mapped public IPv4
        "64:ff9b::808:808",                            // NAT64 of a public IPv4
        "2002:808:808::1"})                            // 6to4 of a public IPv4
    void allowed(String literal) {
        assertThat(policy.allows(literal(literal))).as(literal).isTrue();
    }

    private static InetAddress literal(String literal) {
        try {
            return InetAddress.getByName(literal); // an address literal: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
