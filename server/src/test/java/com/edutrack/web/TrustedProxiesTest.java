package com.edutrack.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrustedProxiesTest {

    private static InetAddress address(String text) {
        return TrustedProxies.literal(text).orElseThrow();
    }

    @Test
    void addressesAndCidrRangesOfBothFamiliesMatchWhatTheyCover() {
        TrustedProxies proxies = TrustedProxies.of(List.of("127.0.0.1", " 10.0.0.0/8", "172.16.0.0/12", "fd00::/8", "::1", ""));

        assertThat(proxies.contains(address("127.0.0.1"))).isTrue();
        assertThat(proxies.contains(address("127.0.0.2"))).isFalse();
        assertThat(proxies.contains(address("10.255.1.2"))).isTrue();
        assertThat(proxies.contains(address("172.31.255.255"))).isTrue();
        assertThat(proxies.contains(address("172.32.0.1"))).isFalse();
        assertThat(proxies.contains(address("fd12:3456::1"))).isTrue();
        assertThat(proxies.contains(address("fe80::1"))).isFalse();
        assertThat(proxies.contains(address("0:0:0:0:0:0:0:1"))).isTrue();
        assertThat(proxies.contains(address("::ffff:10.1.2.3"))).as("an IPv4-mapped IPv6 address is the IPv4 one").isTrue();
        assertThat(TrustedProxies.of(List.of()).isEmpty()).isTrue();
    }

    @Test
    void forwardedEntriesMayCarryAPortButNeverNameAHost() {
        assertThat(address("203.0.113.7:51000").getHostAddress()).isEqualTo("203.0.113.7");
        assertThat(address("[2001:db8::7]:443").getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:7");
        for (String notAnAddress : List.of("localhost", "evil.example", "256.1.1.1", "1.2.3", "unknown", "", ".:", "[::1")) {
            assertThat(TrustedProxies.literal(notAnAddress)).as(notAnAddress).isEmpty();
        }
    }

    @Test
    void aSettingThatIsNotAnAddressOrRangeStopsStartUp() {
        assertThatThrownBy(() -> TrustedProxies.of(List.of("proxy.internal"))).hasMessageContaining("EDUTRACK_TRUSTED_PROXIES");
        assertThatThrownBy(() -> TrustedProxies.of(List.of("10.0.0.0/33"))).hasMessageContaining("prefix length");
    }
}
