package jp.foodtrace.testsupport;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jp.foodtrace.platform.Platform;
import jp.foodtrace.platform.PlatformConfig;
import jp.foodtrace.platform.PostgresSetup;
import jp.foodtrace.platform.SuiteService;

/**
 * The platform of one test JVM: the same {@link Platform} as the local run, on free ports, with
 * its home under {@code target/platform} and a fresh database of its own, so tests can run while
 * the local suite is up. Started once per JVM and stopped when the JVM exits.
 */
public final class TestPlatform {

    private static Platform platform;
    private static final Set<Platform.Part> STARTED = EnumSet.noneOf(Platform.Part.class);

    private TestPlatform() {
    }

    /** Starts (once) the named parts for tests of the given module; returns the platform. */
    public static synchronized Platform start(String module, Set<Platform.Part> parts) {
        if (platform == null) {
            String database = "suite_test_" + module.replace('-', '_');
            PlatformConfig config = PlatformConfig.isolated(PlatformConfig.findRoot(),
                    Path.of("target/platform").toAbsolutePath(), database);
            platform = new Platform(config);
            Runtime.getRuntime().addShutdownHook(new Thread(platform::stop, "test-platform-stop"));
            platform.upInfrastructure(parts, true, line -> System.out.println("[test-platform] " + line));
            STARTED.addAll(parts);
        } else if (!STARTED.containsAll(parts)) {
            EnumSet<Platform.Part> missing = EnumSet.copyOf(parts);
            missing.removeAll(STARTED);
            platform.upInfrastructure(missing, false, line -> System.out.println("[test-platform] " + line));
            STARTED.addAll(missing);
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
        Map<String, String> props = new HashMap<>();
        props.put("kafka.bootstrap.servers", config.kafkaBootstrap());
        props.put("quarkus.datasource.jdbc.url", config.jdbcUrl(service));
        props.put("quarkus.datasource.username", service.schema());
        props.put("quarkus.datasource.password", PostgresSetup.localPassword(service));
        if (STARTED.contains(Platform.Part.S3)) {
            props.put("quarkus.s3.endpoint-override", config.s3Endpoint());
        }
        if (STARTED.contains(Platform.Part.SES)) {
            props.put("quarkus.ses.endpoint-override", config.sesEndpoint());
        }
        if (STARTED.contains(Platform.Part.SMTP)) {
            props.put("suite.mail.smtp.port", Integer.toString(config.smtpPort()));
        }
        return props;
    }
}
