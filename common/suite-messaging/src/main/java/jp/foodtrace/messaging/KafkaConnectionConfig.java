package jp.foodtrace.messaging;

import io.smallrye.config.ConfigMapping;

/**
 * The broker every service connects to. As a mapping it is checked with the rest of the
 * configuration when the service starts, so a production start without
 * {@code KAFKA_BOOTSTRAP_SERVERS} ({@code kafka.bootstrap.servers=${KAFKA_BOOTSTRAP_SERVERS}})
 * stops at once with the variable's name, before any database migration or connection.
 */
@ConfigMapping(prefix = "kafka.bootstrap")
public interface KafkaConnectionConfig {

    /** {@code kafka.bootstrap.servers}; the other {@code kafka.*} settings stay the connector's. */
    String servers();
}
