package jp.foodtrace.testsupport;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jp.foodtrace.platform.Platform;
import jp.foodtrace.platform.PlatformConfig;
import jp.foodtrace.platform.PostgresSetup;
import jp.foodtrace.platform.SuiteService;

/**
 * The platform of one test JVM: the same {@link Platform} as the local run, on free ports, with
 * its home under {@code target/platform} and a fresh database of its own, so tests can run while
 * the local suite is up. Started once per JVM and stopped when the JVM exits.
 *
 * <p>Quarkus loads test resources again, in a new class loader, whenever a test profile restarts
 * the application; the chosen ports and started parts therefore live in system properties (one
 * per JVM, shared by all class loaders), so a restart finds the running platform instead of
 * starting a second one.
 */
public final class TestPlatform {

    private static final String PORTS = "suite.test-platform.ports";
    private static final String PARTS = "suite.test-platform.parts";
    private static final String DATABASE = "suite.test-platform.database";

    private static Platform platform;

    private TestPlatform() {
    }

    /** Starts (once per JVM) the named parts for tests of the given module; returns the platform. */
    public static synchronized Platform start(String module, Set<Platform.Part> parts) {
        if (platform == null) {
            boolean first = System.getProperty(PORTS) == null;
            PlatformConfig config = first ? newConfig(module) : savedConfig();
            platform = new Platform(config);
            if (first) {
                System.setProperty(PORTS, ports(config));
                System.setProperty(DATABASE, config.database());
                System.setProperty(PARTS, "");
                Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "test-platform-stop"));
            }
        }
        Set<Platform.Part> started = started();
        EnumSet<Platform.Part> missing = EnumSet.copyOf(parts);
        missing.removeAll(started);
        if (!missing.isEmpty() || started.isEmpty()) {
            platform.upInfrastructure(missing, started.isEmpty(), line -> System.out.println("[test-platform] " + line));
            started.addAll(missing);
            System.setProperty(PARTS, started.stream().map(Enum::name).collect(Collectors.joining(",")));
        }
        return platform;
    }

    public static synchronized Platform current() {
        if (platform == null) {
            throw new IllegalStateException("the test platform is not started");
        }
        return platform;
    }

    /** Quarkus configuration that points one service at the test platform. */
    public static Map<String, String> quarkusConfig(SuiteService service) {
        PlatformConfig config = current().config();
        Set<Platform.Part> started = started();
        Map<String, String> props = new HashMap<>();
        props.put("kafka.bootstrap.servers", config.kafkaBootstrap());
        props.put("quarkus.datasource.jdbc.url", config.jdbcUrl(service));
        props.put("quarkus.datasource.username", service.schema());
        props.put("quarkus.datasource.password", PostgresSetup.localPassword(service));
        // /q/* is served only on the management interface: a port picked with the platform's, so
        // that two test JVMs (or the local suite) never meet on Quarkus' fixed default, 9001. The
        // HTTP port is a picked one too: Micrometer tags each server's metrics with server.port
        // only when the port is fixed, and Prometheus refuses one metric name with two tag sets
        // (the server would never finish starting).
        props.put("quarkus.http.test-port", Integer.toString(config.port(service)));
        props.put("quarkus.management.test-port", Integer.toString(config.managementPort(service)));
        if (started.contains(Platform.Part.S3)) {
            props.put("quarkus.s3.endpoint-override", config.s3Endpoint());
        }
        if (started.contains(Platform.Part.SES)) {
            props.put("quarkus.ses.endpoint-override", config.sesEndpoint());
        }
        if (started.contains(Platform.Part.SMTP)) {
            props.put("suite.mail.smtp.port", Integer.toString(config.smtpPort()));
        }
        return props;
    }

    private static Set<Platform.Part> started() {
        String saved = System.getProperty(PARTS, "");
        EnumSet<Platform.Part> parts = EnumSet.noneOf(Platform.Part.class);
        Arrays.stream(saved.split(",")).filter(s -> !s.isBlank()).map(Platform.Part::valueOf).forEach(parts::add);
        return parts;
    }

    private static PlatformConfig newConfig(String module) {
        return PlatformConfig.isolated(PlatformConfig.findRoot(), home(), "suite_test_" + module.replace('-', '_')
                + System.getenv().getOrDefault("SUITE_TEST_DB_SUFFIX", ""));
    }

    private static Path home() {
        return Path.of("target/platform").toAbsolutePath();
    }

    private static String ports(PlatformConfig c) {
        StringBuilder s = new StringBuilder().append(c.kafkaPort()).append(',').append(c.controllerPort()).append(',')
                .append(c.s3Port()).append(',').append(c.sesPort()).append(',').append(c.smtpPort()).append(',')
                .append(c.smtpApiPort());
        for (SuiteService service : SuiteService.values()) {
            s.append(',').append(c.port(service));
        }
        for (SuiteService service : SuiteService.values()) {
            s.append(',').append(c.managementPort(service));
        }
        return s.toString();
    }

    private static PlatformConfig savedConfig() {
        int[] p = Arrays.stream(System.getProperty(PORTS).split(",")).mapToInt(Integer::parseInt).toArray();
        Map<SuiteService, Integer> services = new EnumMap<>(SuiteService.class);
        Map<SuiteService, Integer> management = new EnumMap<>(SuiteService.class);
        int count = SuiteService.values().length;
        for (SuiteService service : SuiteService.values()) {
            services.put(service, p[6 + service.ordinal()]);
            management.put(service, p[6 + count + service.ordinal()]);
        }
        return new PlatformConfig(PlatformConfig.findRoot(), home(), "127.0.0.1", p[0], p[1], p[2], p[3], p[4], p[5],
                "127.0.0.1", 5432, System.getProperty(DATABASE), services, management);
    }
}
