package jp.foodtrace.gateway.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.foodtrace.gateway.config.GatewayConfig;
import jp.foodtrace.gateway.problem.ProblemException;

class SourceAddressResolverTest {

    private final SourceAddressResolver resolver = new SourceAddressResolver(config(List.of("10.0.0.0/24")));

    @Test
    void peerIsTheSourceWithoutProxyInformation() {
        assertEquals("192.168.5.5", resolver.resolve("192.168.5.5", "192.168.5.5", null));
    }

    @Test
    void forwardedForIsReadOnlyFromATrustedPeer() {
        assertEquals("172.16.1.1", resolver.resolve("10.0.0.7", "10.0.0.7", "172.16.1.1"));
        assertEquals("192.168.5.5", resolver.resolve("192.168.5.5", "192.168.5.5", "172.16.1.1"));
    }

    @Test
    void forwardedForSkipsTrustedHopsFromTheRight() {
        assertEquals("172.16.1.1", resolver.resolve("10.0.0.7", "10.0.0.7", "1.2.3.4, 172.16.1.1, 10.0.0.9"));
    }

    @Test
    void proxyHeaderFromUntrustedPeerIsRefused() {
        ProblemException e = assertThrows(ProblemException.class,
                () -> resolver.resolve("192.168.5.5", "172.16.1.1", null));
        assertEquals("untrusted-proxy", e.problem().code());
        assertEquals(403, e.problem().status());
    }

    @Test
    void proxyHeaderFromTrustedPeerGivesTheStatedAddress() {
        assertEquals("172.16.1.1", resolver.resolve("10.0.0.7", "172.16.1.1", "9.9.9.9"));
    }

    @Test
    void cidrMatchesItsNetworkOnly() {
        Cidr cidr = Cidr.parse("10.20.0.0/16");
        assertTrue(cidr.contains("10.20.255.1"));
        assertFalse(cidr.contains("10.21.0.1"));
        assertTrue(Cidr.parse("10.1.2.3").contains("10.1.2.3"));
        assertFalse(Cidr.parse("10.1.2.3").contains("10.1.2.4"));
        assertTrue(Cidr.parse("127.0.0.1").contains("::ffff:127.0.0.1"));
        assertThrows(IllegalArgumentException.class, () -> Cidr.parse("example.com"));
    }

    private static GatewayConfig config(List<String> trusted) {
        return new GatewayConfig() {
            public String adminToken() { return "x"; }
            public int maxBodyBytes() { return 1; }
            public int maxLinesPerOrder() { return 1; }
            public double requestsPerSecond() { return 1; }
            public int requestBurst() { return 1; }
            public Duration registryCacheTtl() { return Duration.ZERO; }
            public Duration publishTimeout() { return Duration.ZERO; }
            public int receiptWriters() { return 1; }
            public Duration relayInterval() { return Duration.ZERO; }
            public Duration relayAfter() { return Duration.ZERO; }
            public Optional<List<String>> trustedProxies() { return Optional.of(trusted); }
            public boolean noopEndpoint() { return false; }
        };
    }
}
