package jp.foodtrace.gateway.config;

import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of the terminal gateway. */
@ConfigMapping(prefix = "suite.gateway")
public interface GatewayConfig {

    /** Bearer token of the admin API (terminal registry, ops queries). */
    String adminToken();

    /** Largest request body accepted from a terminal, in bytes; larger ones get 413. */
    @WithDefault("262144")
    int maxBodyBytes();

    /** Most lines one order may have; more get 422. */
    @WithDefault("200")
    int maxLinesPerOrder();

    /** Requests per second one terminal may make on average (per gateway instance). */
    @WithDefault("5")
    double requestsPerSecond();

    /** Requests one terminal may make in a burst. */
    @WithDefault("20")
    int requestBurst();

    /** How long a terminal registry entry is cached before it is read again. */
    @WithDefault("30s")
    Duration registryCacheTtl();

    /** How long to wait for Kafka to confirm an order before answering 503. */
    @WithDefault("10s")
    Duration publishTimeout();

    /** Threads writing receipts in groups (each group is one statement and one commit). */
    @WithDefault("2")
    int receiptWriters();

    /** How often the relay looks for receipts whose order Kafka has not confirmed. */
    @WithDefault("10s")
    Duration relayInterval();

    /**
     * How old an unconfirmed receipt must be before the relay publishes it: longer than the
     * publish timeout, so that the relay does not race a request still waiting for Kafka.
     */
    @WithDefault("30s")
    Duration relayAfter();

    /**
     * Peers (IP or CIDR) trusted to state the client address: in a PROXY protocol header or in
     * X-Forwarded-For. A PROXY header from any other peer is refused; X-Forwarded-For from any
     * other peer is ignored.
     */
    Optional<List<String>> trustedProxies();

    /** The stores' time zone: "today" and the cut-off times of the fleet gauges are in it. */
    @WithDefault("Asia/Tokyo")
    ZoneId zone();
}
