package jp.foodtrace.console.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Where the console finds the services and with which tokens it reads them. Production has no
 * defaults: every URL and token comes from the environment ({@code SUITE_CONSOLE_*_URL},
 * {@code SUITE_OPS_TOKEN}, {@code SUITE_GATEWAY_ADMIN_TOKEN}, {@code SUITE_SYNC_ADMIN_TOKEN}).
 */
@ConfigMapping(prefix = "suite.console")
public interface ConsoleConfig {

    /** The ops token: it opens the console and reads order-service's and bounce-service's ops APIs. */
    String opsToken();

    /** terminal-gateway's admin token (silent terminals, parked outbox rows). */
    String gatewayAdminToken();

    /** sync-service's admin token (recalls, parked outbox events). */
    String syncAdminToken();

    Services services();

    /** How long one service may take to answer before its panel says unavailable. */
    @WithDefault("3s")
    Duration timeout();

    /**
     * How long the Kafka panels (lag, dead letters) may take before they say unavailable: they read
     * every dead-letter topic and every group's offsets, more than one call.
     */
    @WithDefault("20s")
    Duration kafkaBudget();

    /** Orders panel: the last this many hours. */
    @WithDefault("6")
    int orderHours();

    /** Base URLs of the services' HTTP ports. */
    interface Services {
        String terminalGateway();

        String orderService();

        String syncService();

        String bounceService();
    }
}
