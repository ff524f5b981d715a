package jp.foodtrace.messaging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;

/**
 * The database connection every service needs, as required values. Quarkus' own datasource
 * settings are optional (a missing one surfaces only as a failed connection); as a mapping these are
 * checked with the rest of the configuration when the service starts, so a production start
 * without {@code QUARKUS_DATASOURCE_JDBC_URL}, {@code _USERNAME} or {@code _PASSWORD} stops at once
 * with the variable's name.
 */
@ConfigMapping(prefix = "quarkus.datasource")
public interface DatasourceConnectionConfig {

    @WithName("jdbc.url")
    String jdbcUrl();

    String username();

    String password();
}
