package jp.foodtrace.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Prepares the suite's database on the machine's PostgreSQL: one database, and per service a
 * login role owning a schema of the same name. Roles are cluster-wide and shared by the local run
 * and the tests; tests get their own databases. Connects as the {@code postgres} superuser over
 * TCP (trust authentication on a development machine).
 */
public final class PostgresSetup {

    private final PlatformConfig config;

    public PostgresSetup(PlatformConfig config) {
        this.config = config;
    }

    /** Password of a service role on a local machine; deployments take it from a secret. */
    public static String localPassword(SuiteService service) {
        return service.schema();
    }

    public String url() {
        return "jdbc:postgresql://" + config.pgHost() + ":" + config.pgPort() + "/" + config.database();
    }

    /**
     * Creates what is missing. With {@code fresh}, drops the database first (tests start from an
     * empty schema every run).
     */
    public void prepare(boolean fresh) {
        try (Connection admin = connect("postgres")) {
            if (fresh) {
                execute(admin, "DROP DATABASE IF EXISTS " + quoted(config.database()) + " WITH (FORCE)");
            }
            if (!exists(admin, "SELECT 1 FROM pg_database WHERE datname = ?", config.database())) {
                execute(admin, "CREATE DATABASE " + quoted(config.database()));
            }
            for (SuiteService service : SuiteService.values()) {
                if (!exists(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", service.schema())) {
                    execute(admin, "CREATE ROLE " + service.schema() + " LOGIN PASSWORD '"
                            + localPassword(service) + "'");
                }
            }
        } catch (SQLException e) {
            throw unreachable(e);
        }
        try (Connection db = connect(config.database())) {
            for (SuiteService service : SuiteService.values()) {
                execute(db, "CREATE SCHEMA IF NOT EXISTS " + service.schema() + " AUTHORIZATION " + service.schema());
            }
            execute(db, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        } catch (SQLException e) {
            throw new SetupException("preparing database " + config.database() + " failed: " + e.getMessage(), e);
        }
    }

    /** Drops a test database; the roles stay (they are shared). */
    public void drop() {
        try (Connection admin = connect("postgres")) {
            execute(admin, "DROP DATABASE IF EXISTS " + quoted(config.database()) + " WITH (FORCE)");
        } catch (SQLException e) {
            throw unreachable(e);
        }
    }

    private SetupException unreachable(SQLException e) {
        return new SetupException("PostgreSQL is not reachable at " + config.pgHost() + ":" + config.pgPort()
                + " as user postgres (" + e.getMessage() + "). The suite script installs and starts Debian's"
                + " postgresql where it can; otherwise start it and allow local trust authentication.", e);
    }

    private Connection connect(String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + config.pgHost() + ":" + config.pgPort() + "/"
                + database + "?connectTimeout=5", "postgres", "");
    }

    private static boolean exists(Connection c, String sql, String value) throws SQLException {
        try (PreparedStatement query = c.prepareStatement(sql)) {
            query.setString(1, value);
            return query.executeQuery().next();
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String quoted(String identifier) {
        if (!identifier.matches("[a-z_][a-z0-9_]*")) {
            throw new IllegalArgumentException("not a plain identifier: " + identifier);
        }
        return identifier;
    }
}
