package jp.foodtrace.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

/**
 * Holds the required connection settings ({@link KafkaConnectionConfig},
 * {@link DatasourceConnectionConfig}) in every service, so that they are checked when the service
 * starts, and logs where the service connects (never the password).
 */
@Startup
@ApplicationScoped
public class ConnectionSettings {

    private static final Logger LOG = Logger.getLogger(ConnectionSettings.class);

    public ConnectionSettings(KafkaConnectionConfig kafka, DatasourceConnectionConfig datasource) {
        LOG.infof("Kafka %s, database %s as %s", kafka.servers(), datasource.jdbcUrl(), datasource.username());
    }
}
