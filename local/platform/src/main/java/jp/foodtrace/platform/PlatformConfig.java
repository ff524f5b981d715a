package jp.foodtrace.platform;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where the platform lives and which ports it uses. {@link #local} gives the fixed ports of the
 * architecture for the local run; {@link #isolated} gives free random ports and its own data
 * folder, so that tests can run while the local suite is up.
 *
 * @param root      the checkout (where {@code pom.xml} and the built modules are)
 * @param home      data, logs and PID files of this platform instance
 * @param database  PostgreSQL database holding one schema per service
 * @param servicePorts    HTTP port of each service (its APIs)
 * @param managementPorts management port of each service (health, metrics, OpenAPI)
 * @param prometheusPort  Prometheus' web and API port (when started with the observability parts)
 * @param consolePort     the ops console's HTTP port, {@code consoleManagementPort} its management port
 */
public record PlatformConfig(Path root, Path home, String host, int kafkaPort, int controllerPort,
        int s3Port, int sesPort, int smtpPort, int smtpApiPort, String pgHost, int pgPort, String database,
        Map<SuiteService, Integer> servicePorts, Map<SuiteService, Integer> managementPorts, int prometheusPort,
        int consolePort, int consoleManagementPort) {

    /** Prometheus' port in the local run. */
    public static final int LOCAL_PROMETHEUS_PORT = 9090;
    /** Local ports of the ops console (not a {@link SuiteService}: it has no schema and consumes no topic). */
    public static final int LOCAL_CONSOLE_PORT = 8086;
    public static final int LOCAL_CONSOLE_MANAGEMENT_PORT = 9086;

    /** A platform whose Prometheus and ops console, if started, take free ports. */
    public PlatformConfig(Path root, Path home, String host, int kafkaPort, int controllerPort,
            int s3Port, int sesPort, int smtpPort, int smtpApiPort, String pgHost, int pgPort, String database,
            Map<SuiteService, Integer> servicePorts, Map<SuiteService, Integer> managementPorts) {
        this(root, home, host, kafkaPort, controllerPort, s3Port, sesPort, smtpPort, smtpApiPort, pgHost, pgPort,
                database, servicePorts, managementPorts, freePort(), freePort(), freePort());
    }

    /** The S3 bucket that SES inbound writes returned mail to, and bounce-service reads. */
    public static final String INBOUND_MAIL_BUCKET = "suite-inbound-mail";
    /** Static S3 credentials of the local S3 server. */
    public static final String S3_ACCESS_KEY = "suite-local";
    public static final String S3_SECRET_KEY = "suite-local-secret";
    /** Admin token of the gateway's and sync-service's admin APIs in the local run. */
    public static final String LOCAL_ADMIN_TOKEN = "local-admin-token";
    /** Token of the internal ops APIs (order-service, mail-service, bounce-service) in the local run. */
    public static final String LOCAL_OPS_TOKEN = "local-ops-token";
    /** The Quarkus profile the launcher starts services in: local values, no secrets from the environment. */
    public static final String LOCAL_PROFILE = "local";

    public static PlatformConfig local(Path root) {
        Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
        Map<SuiteService, Integer> management = new EnumMap<>(SuiteService.class);
        for (SuiteService service : SuiteService.values()) {
            ports.put(service, service.localPort());
            management.put(service, service.localManagementPort());
        }
        return new PlatformConfig(root, root.resolve(".local"), "127.0.0.1", 9092, 9093, 9000, 8005, 3025, 3080,
                "127.0.0.1", 5432, "suite", ports, management, LOCAL_PROMETHEUS_PORT, LOCAL_CONSOLE_PORT,
                LOCAL_CONSOLE_MANAGEMENT_PORT);
    }

    /** A platform on free ports with its own home and database, for tests. */
    public static PlatformConfig isolated(Path root, Path home, String database) {
        Map<SuiteService, Integer> ports = new EnumMap<>(SuiteService.class);
        Map<SuiteService, Integer> management = new EnumMap<>(SuiteService.class);
        for (SuiteService service : SuiteService.values()) {
            ports.put(service, freePort());
            management.put(service, freePort());
        }
        return new PlatformConfig(root, home, "127.0.0.1", freePort(), freePort(), freePort(), freePort(),
                freePort(), freePort(), "127.0.0.1", 5432, database, ports, management, freePort(), freePort(), freePort());
    }

    /**
     * The checkout root: the {@code suite.root} system property (set by the build for tests),
     * else the first folder upwards from the working directory that holds the {@code suite}
     * launcher script.
     */
    public static Path findRoot() {
        String property = System.getProperty("suite.root");
        if (property != null && !property.isBlank()) {
            return Path.of(property).toAbsolutePath().normalize();
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("suite")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new SetupException("cannot find the suite checkout: run from inside it or set -Dsuite.root");
    }

    public Path runtime() {
        return root.resolve("local/runtime/target/runtime");
    }

    public Path logs() {
        return home.resolve("logs");
    }

    public Path pids() {
        return home.resolve("run");
    }

    public String kafkaBootstrap() {
        return host + ":" + kafkaPort;
    }

    public String s3Endpoint() {
        return "http://" + host + ":" + s3Port;
    }

    public String sesEndpoint() {
        return "http://" + host + ":" + sesPort;
    }

    public String jdbcUrl(SuiteService service) {
        return "jdbc:postgresql://" + pgHost + ":" + pgPort + "/" + database + "?currentSchema=" + service.schema();
    }

    public int port(SuiteService service) {
        return servicePorts.get(service);
    }

    public String serviceUrl(SuiteService service) {
        return "http://" + host + ":" + port(service);
    }

    public int managementPort(SuiteService service) {
        return managementPorts.get(service);
    }

    /** Where the service answers {@code /q/health}, {@code /q/metrics} and {@code /q/openapi}. */
    public String managementUrl(SuiteService service) {
        return "http://" + host + ":" + managementPort(service);
    }

    public String prometheusUrl() {
        return "http://" + host + ":" + prometheusPort;
    }

    public String consoleUrl() {
        return "http://" + host + ":" + consolePort;
    }

    public String consoleManagementUrl() {
        return "http://" + host + ":" + consoleManagementPort;
    }

    /** A port nothing listens on now. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new SetupException("no free local port", e);
        }
    }
}
