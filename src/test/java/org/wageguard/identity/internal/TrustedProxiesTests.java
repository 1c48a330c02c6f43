package org.wageguard.identity.internal;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading X-Forwarded-For only as far as the configured proxies vouch for it. */
class TrustedProxiesTests {

    final TrustedProxies proxies = new TrustedProxies(" 192.0.2.10, 192.0.2.128/28 ,2001:db8::/32");

    String client(String peer, String... forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        for (String header : forwardedFor) {
            request.addHeader("X-Forwarded-For", header);
        }
        return proxies.client(request);
    }

    @Test
    void onlyATrustedPeerIsBelieved() {
        assertThat(client("10.9.0.1", "203.0.113.5")).as("a client writing the header itself").isEqualTo("10.9.0.1");
        assertThat(client("192.0.2.10", "203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(client("192.0.2.10")).as("a proxy that sent no header").isEqualTo("192.0.2.10");
    }

    @Test
    void theRightmostUntrustedHopIsTheClientWhateverTheClientPrepended() {
        assertThat(client("192.0.2.10", "198.51.100.1, 203.0.113.5")).isEqualTo("203.0.113.5");
        assertThat(client("192.0.2.10", "198.51.100.1, 203.0.113.5, 192.0.2.130")).as("two proxies in a row")
                .isEqualTo("203.0.113.5");
        assertThat(client("192.0.2.10", "198.51.100.1", "203.0.113.5")).as("the header sent twice")
                .isEqualTo("203.0.113.5");
        assertThat(client("192.0.2.10", "203.0.113.5, not-an-address")).as("garbage stops the walk")
                .isEqualTo("192.0.2.10");
        assertThat(client("2001:db8::1", "2001:db8::2, 2400:3200::1")).isEqualTo("2400:3200::1");
    }

    @Test
    void aMistypedSettingStopsTheStartWithAChineseMessage() {
        assertThatThrownBy(() -> new TrustedProxies("10.0.0.1, proxy.example.gov.cn"))
                .hasMessageContaining("无法识别的地址“proxy.example.gov.cn”");
        assertThat(new TrustedProxies("").trusted("127.0.0.1")).isFalse();
    }
}
