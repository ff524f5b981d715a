package jp.foodtrace.gateway.access.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jp.foodtrace.gateway.GatewayFixture;
import jp.foodtrace.testsupport.SuitePlatformResource;

/**
 * The listener as the NLB target group sees it: every connection starts with a PROXY protocol v2
 * header. Only 127.0.0.2 is a trusted proxy here; the tests connect from 127.0.0.2 or 127.0.0.1.
 */
@QuarkusTest
@TestProfile(ProxyProtocolTest.BehindNlb.class)
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "terminal-gateway"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class ProxyProtocolTest {

    public static class BehindNlb implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.use-proxy-protocol", "true",
                    "suite.gateway.trusted-proxies", "127.0.0.2/32");
        }
    }

    private static final String TERMINAL_ADDRESS = "10.9.8.7";

    @TestHTTPResource("/")
    URL url;

    @Test
    void proxyHeaderFromTrustedPeerStatesTheTerminalAddress() throws IOException {
        String id = "T-" + UUID.randomUUID().toString().substring(0, 8);
        String key = "proxy-key-" + UUID.randomUUID();
        register(id, key);
        Response response = send("127.0.0.2", TERMINAL_ADDRESS, "POST", "/v1/orders", Map.of(
                "X-Terminal-Id", id, "Authorization", "Bearer " + key, "Content-Type", "application/json"),
                GatewayFixture.order("S-PROXY", 1, GatewayFixture.JAN_A));
        assertEquals(202, response.status(), response.body());
    }

    @Test
    void proxyHeaderFromUntrustedPeerIsRefused() throws IOException {
        String id = "T-" + UUID.randomUUID().toString().substring(0, 8);
        String key = "proxy-key-" + UUID.randomUUID();
        register(id, key);
        Response response = send("127.0.0.1", TERMINAL_ADDRESS, "POST", "/v1/heartbeat", Map.of(
                "X-Terminal-Id", id, "Authorization", "Bearer " + key), "");
        assertEquals(403, response.status(), response.body());
        assertTrue(response.body().contains("\"code\":\"untrusted-proxy\""), response.body());
    }

    private void register(String id, String key) throws IOException {
        Response response = send("127.0.0.2", "10.0.0.1", "PUT", "/v1/admin/terminals/" + id, Map.of(
                "Authorization", GatewayFixture.ADMIN, "Content-Type", "application/json"),
                "{\"storeCode\":\"S-PROXY\",\"source\":\"" + TERMINAL_ADDRESS + "/32\",\"key\":\"" + key + "\"}");
        assertEquals(201, response.status(), response.body());
    }

    record Response(int status, String body) {
    }

    /** One HTTP/1.1 request on a fresh connection from {@code localAddress}, preceded by a PROXY v2 header. */
    private Response send(String localAddress, String statedSource, String method, String path,
            Map<String, String> headers, String body) throws IOException {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "Connection: close\r\nContent-Length: " + content.length + "\r\n");
        headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
        request.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(localAddress), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", url.getPort()), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(proxyV2Header(statedSource, 40000, "127.0.0.1", url.getPort()));
            out.write(request.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            String raw = new String(readAll(socket.getInputStream()), StandardCharsets.UTF_8);
            int status = Integer.parseInt(raw.substring(9, 12));
            int bodyStart = raw.indexOf("\r\n\r\n");
            return new Response(status, bodyStart < 0 ? "" : raw.substring(bodyStart + 4));
        }
    }

    /** PROXY protocol v2, command PROXY, TCP over IPv4. */
    static byte[] proxyV2Header(String source, int sourcePort, String destination, int destinationPort)
            throws IOException {
        ByteBuffer header = ByteBuffer.allocate(16 + 12);
        header.put(new byte[] { 0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A });
        header.put((byte) 0x21);
        header.put((byte) 0x11);
        header.putShort((short) 12);
        header.put(InetAddress.getByName(source).getAddress());
        header.put(InetAddress.getByName(destination).getAddress());
        header.putShort((short) sourcePort);
        header.putShort((short) destinationPort);
        return header.array();
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
    }
}
