package boxoffice.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Who the client is behind proxies: the right-most address in X-Forwarded-For that no trusted proxy added. */
class TrustedProxiesTest {
    private final TrustedProxies proxies = TrustedProxies.parse("10.0.0.0/8, 192.0.2.1, fd00::/8");

    @Test
    void aPeerThatIsNoTrustedProxyIsTheClientWhateverItForwards() {
        assertThat(proxies.clientOf("203.0.113.9", List.of("198.51.100.1"))).isEqualTo("203.0.113.9");
        assertThat(TrustedProxies.parse("").clientOf("10.0.0.1", List.of("198.51.100.1"))).isEqualTo("10.0.0.1");
    }

    @Test
    void behindTrustedProxiesTheRightMostUntrustedHopIsTheClient() {
        assertThat(proxies.clientOf("10.1.2.3", List.of("198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(proxies.clientOf("10.1.2.3", List.of("6.6.6.6, 198.51.100.1, 192.0.2.1")))
                .as("a forged left part is ignored").isEqualTo("198.51.100.1");
        assertThat(proxies.clientOf("10.1.2.3", List.of("6.6.6.6", "198.51.100.1"))).isEqualTo("198.51.100.1");
        assertThat(proxies.clientOf("fd12::1", List.of("2001:db8::7"))).isEqualTo("2001:db8::7");
        assertThat(proxies.clientOf("10.1.2.3", List.of("10.9.9.9"))).as("only proxies: the farthest")
                .isEqualTo("10.9.9.9");
        assertThat(proxies.clientOf("10.1.2.3", List.of())).isEqualTo("10.1.2.3");
    }

    @Test
    void garbageInTheHeaderStopsTheWalkAtTheLastGoodAddress() {
        assertThat(proxies.clientOf("10.1.2.3", List.of("198.51.100.1, unknown"))).isEqualTo("10.1.2.3");
        assertThat(proxies.clientOf("10.1.2.3", List.of("evil.example, 192.0.2.1"))).isEqualTo("192.0.2.1");
    }

    @Test
    void onlyLiteralAddressesAndBlocksAreAccepted() {
        assertThatThrownBy(() -> TrustedProxies.parse("proxy.internal")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TrustedProxies.parse("10.0.0.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThat(TrustedProxies.parse(" 127.0.0.1 , ::1 ").isEmpty()).isFalse();
    }
}
