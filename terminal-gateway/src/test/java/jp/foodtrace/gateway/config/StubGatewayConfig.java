package jp.foodtrace.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Settings for unit tests of classes that read only a few of them; the rest are neutral values. */
public record StubGatewayConfig(int maxLinesPerOrder, List<String> trusted) implements GatewayConfig {

    public static StubGatewayConfig withMaxLines(int maxLinesPerOrder) {
        return new StubGatewayConfig(maxLinesPerOrder, List.of());
    }

    public static StubGatewayConfig withTrustedProxies(List<String> trusted) {
        return new StubGatewayConfig(1, trusted);
    }

    @Override
    public String adminToken() {
        return "x";
    }

    @Override
    public int maxBodyBytes() {
        return 1;
    }

    @Override
    public double requestsPerSecond() {
        return 1;
    }

    @Override
    public int requestBurst() {
        return 1;
    }

    @Override
    public Duration registryCacheTtl() {
        return Duration.ZERO;
    }

    @Override
    public Duration publishTimeout() {
        return Duration.ZERO;
    }

    @Override
    public int receiptWriters() {
        return 1;
    }

    @Override
    public Duration relayInterval() {
        return Duration.ZERO;
    }

    @Override
    public Duration relayAfter() {
        return Duration.ZERO;
    }

    @Override
    public Optional<List<String>> trustedProxies() {
        return Optional.of(trusted);
    }

    @Override
    public java.time.ZoneId zone() {
        return java.time.ZoneId.of("Asia/Tokyo");
    }
}
