package jp.foodtrace.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ops console ({@code ops-console}), run from its built jar after the services: it reads
 * their ops APIs over HTTP and Kafka's view of lag and dead letters, so it gets their addresses,
 * Kafka's and the same tokens the launcher gives the services. It is not a {@link SuiteService}:
 * it has no schema, consumes no topic, and nothing waits for it.
 */
public final class OpsConsoleProcess implements Component {

    public static final String MODULE = "ops-console";

    private final PlatformConfig config;
    private final ManagedProcess process;

    public OpsConsoleProcess(PlatformConfig config) {
        this.config = config;
        String marker = ManagedProcess.javaMarker(MODULE, config);
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_PROFILE", PlatformConfig.LOCAL_PROFILE);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(config.consolePort()));
        env.put("QUARKUS_HTTP_HOST", config.host());
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(config.consoleManagementPort()));
        env.put("QUARKUS_MANAGEMENT_HOST", config.host());
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap());
        env.put("SUITE_CONSOLE_GATEWAY_URL", config.serviceUrl(SuiteService.TERMINAL_GATEWAY));
        env.put("SUITE_CONSOLE_ORDER_URL", config.serviceUrl(SuiteService.ORDER_SERVICE));
        env.put("SUITE_CONSOLE_SYNC_URL", config.serviceUrl(SuiteService.SYNC_SERVICE));
        env.put("SUITE_CONSOLE_BOUNCE_URL", config.serviceUrl(SuiteService.BOUNCE_SERVICE));
        for (String token : new String[] { "SUITE_GATEWAY_ADMIN_TOKEN", "SUITE_SYNC_ADMIN_TOKEN" }) {
            env.put(token, System.getenv().getOrDefault(token, PlatformConfig.LOCAL_ADMIN_TOKEN));
        }
        env.put("SUITE_OPS_TOKEN", System.getenv().getOrDefault("SUITE_OPS_TOKEN", PlatformConfig.LOCAL_OPS_TOKEN));
        List<String> command = List.of("nice", "-n", "5", ManagedProcess.java(), marker, "-Xms32m", "-Xmx128m",
                "-XX:+UseSerialGC", "-jar", jar().toString());
        this.process = new ManagedProcess(MODULE, config, command, env, marker,
                List.of(config.consolePort(), config.consoleManagementPort()));
    }

    private Path jar() {
        return config.root().resolve(MODULE).resolve("target/quarkus-app/quarkus-run.jar");
    }

    @Override
    public String name() {
        return MODULE;
    }

    @Override
    public ManagedProcess process() {
        return process;
    }

    @Override
    public String url() {
        return config.consoleUrl() + "/ops  (management " + config.consoleManagementUrl() + "; sign in with the ops token)";
    }

    @Override
    public boolean up() {
        if (running().isPresent()) {
            return false;
        }
        if (!Files.isRegularFile(jar())) {
            throw new SetupException(MODULE + " is not built (" + jar() + " missing): run mvn -DskipTests package");
        }
        boolean started = process.start();
        process.awaitReady(Duration.ofSeconds(120),
                () -> Http.status(config.consoleManagementUrl() + "/q/health/ready") == 200);
        return started;
    }
}
