package jp.foodtrace.gateway.access.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

import jp.foodtrace.gateway.config.StubGatewayConfig;
import jp.foodtrace.rest.ProblemException;

class SourceAddressResolverTest {

    private final SourceAddressResolver resolver = new SourceAddressResolver(
            StubGatewayConfig.withTrustedProxies(List.of("10.0.0.0/24")));

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
}
