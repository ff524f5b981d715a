package jp.foodtrace.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One suite service run from its built Quarkus jar ({@code <module>/target/quarkus-app}), pointed
 * at this platform's Kafka, database, S3 server, SES endpoint and SMTP sink through environment
 * variables (Quarkus maps {@code QUARKUS_HTTP_PORT} to {@code quarkus.http.port} and so on). The
 * service runs in the {@code local} profile: its local-only values (database passwords, static S3
 * and SES keys, tokens) exist only there and in dev and test, never in the production profile.
 */
public final class ServiceProcess implements Component {

    private final PlatformConfig config;
    private final SuiteService service;
    private final ManagedProcess process;

    public ServiceProcess(PlatformConfig config, SuiteService service) {
        this.config = config;
        this.service = service;
        String marker = ManagedProcess.javaMarker(service.module(), config);
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_PROFILE", PlatformConfig.LOCAL_PROFILE);
        env.put("QUARKUS_HTTP_PORT", Integer.toString(config.port(service)));
        env.put("QUARKUS_HTTP_HOST", config.host());
        env.put("QUARKUS_MANAGEMENT_PORT", Integer.toString(config.managementPort(service)));
        env.put("QUARKUS_MANAGEMENT_HOST", config.host());
        env.put("KAFKA_BOOTSTRAP_SERVERS", config.kafkaBootstrap());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", config.jdbcUrl(service));
        env.put("QUARKUS_S3_ENDPOINT_OVERRIDE", config.s3Endpoint());
        env.put("QUARKUS_SES_ENDPOINT_OVERRIDE", config.sesEndpoint());
        env.put("SUITE_MAIL_SMTP_PORT", Integer.toString(config.smtpPort()));
        // Admin APIs have no token by default outside dev and test; the local run gets a known one.
        for (String token : new String[] { "SUITE_GATEWAY_ADMIN_TOKEN", "SUITE_SYNC_ADMIN_TOKEN" }) {
            env.put(token, System.getenv().getOrDefault(token, PlatformConfig.LOCAL_ADMIN_TOKEN));
        }
        // glibc gives every thread that allocates its own 64 MiB malloc arena by default; two are
        // enough for a JVM whose allocations are on its heap (see jvmOptions).
        env.put("MALLOC_ARENA_MAX", "2");
        env.put("SUITE_OPS_TOKEN", System.getenv().getOrDefault("SUITE_OPS_TOKEN", PlatformConfig.LOCAL_OPS_TOKEN));
        List<String> command = new ArrayList<>();
        int nice = niceness(service);
        if (nice != 0) {
            command.addAll(List.of("nice", "-n", Integer.toString(nice)));
        }
        command.add(ManagedProcess.java());
        command.add(marker);
        command.addAll(jvmOptions(service, config.logs().resolve(service.module() + "-gc.log")));
        command.addAll(List.of("-jar", jar().toString()));
        this.process = new ManagedProcess(service.module(), config, command, env, marker,
                List.of(config.port(service), config.managementPort(service)));
    }

    /**
     * Heap, collector and memory of a service JVM in the local run (docs/benchmarks.md, "JVM
     * settings"):
     * <ul>
     * <li>a fixed young generation of 64 MiB ({@code -Xmn64m}) instead of a third of a heap that
     * started at 64 MiB: under load the gateway then collected every one to three seconds, and on
     * a host whose cores are busy each pause is where slow answers come from. A young collection
     * costs what survives, not the size of the young generation;</li>
     * <li>the serial collector: one GC thread does not compete with the event loops for the two
     * cores, and with a live set of 40-60 MiB its pauses are short when the host is not
     * overloaded;</li>
     * <li>resident memory under 300 MiB at the end of the morning rush: a heap of at most 256 MiB
     * that starts at 96, a 64 MiB code cache, two malloc arenas ({@code MALLOC_ARENA_MAX}, set in
     * the environment) and the native heap given back to the system every 10 s
     * ({@code TrimNativeHeapInterval}: order-service held 59 MiB of freed compiler and start-up
     * memory after a rush).</li>
     * <li>{@link #c1Only C1 only} for the gateway, order-service and sync-service unless
     * {@code SUITE_GATEWAY_JIT=tiered} / {@code SUITE_CONSUMER_JIT=tiered}.</li>
     * </ul>
     * Every pause is logged with its wall-clock time to {@code .local/logs/<service>-gc.log}, so that
     * a benchmark can tell which of its slow answers met a collection (bench/sim/bin/measure).
     */
    static List<String> jvmOptions(SuiteService service, Path gcLog) {
        List<String> options = new ArrayList<>(List.of("-Xms96m", "-Xmx256m", "-Xmn64m", "-XX:+UseSerialGC",
                "-XX:ReservedCodeCacheSize=64m"));
        if (c1Only(service, System.getenv().getOrDefault("SUITE_CONSUMER_JIT", "c1"),
                System.getenv().getOrDefault("SUITE_GATEWAY_JIT", "c1"))) {
            options.add("-XX:TieredStopAtLevel=1");
        }
        if (trimsNativeHeap(Runtime.version())) {
            options.addAll(List.of("-XX:+UnlockExperimentalVMOptions", "-XX:TrimNativeHeapInterval=10000"));
        }
        options.add("-Xlog:gc:file=" + gcLog + ":time,uptime:filecount=2,filesize=10m");
        return options;
    }

    /**
     * The services of the terminal path run with the C1 compiler only in the local run. On one
     * small host the morning rush meets JVMs that compile at the moment the orders arrive: C2's
     * compilations (57 of over 100 ms each in the gateway over a second seeding and rush) took the
     * cores the orders needed, and with it the gateway's and order-service's resident memory ended
     * over 300 MiB. With C1 only the gateway spent half the CPU per order in both rushes, answered the cold
     * rush 4 s sooner and stayed under 300 MiB; at 300 orders/s its p99 was lower and its closed
     * loop 8 % lower (docs/benchmarks.md, "C1 only on the terminal path").
     * {@code SUITE_GATEWAY_JIT=tiered} and {@code SUITE_CONSUMER_JIT=tiered} give the gateway, and
     * order-service and sync-service, the full tiered compiler back. Container images keep the
     * JVM's defaults (their own cores and memory limit).
     */
    static boolean c1Only(SuiteService service, String consumerJit, String gatewayJit) {
        if (service == SuiteService.TERMINAL_GATEWAY) {
            return !"tiered".equalsIgnoreCase(gatewayJit.trim());
        }
        boolean terminalPathConsumer = service == SuiteService.ORDER_SERVICE || service == SuiteService.SYNC_SERVICE;
        return terminalPathConsumer && !"tiered".equalsIgnoreCase(consumerJit.trim());
    }

    /** TrimNativeHeapInterval exists from 17.0.9 and 21.0.1 on, and in 22 and later; other JVMs refuse it. */
    static boolean trimsNativeHeap(Runtime.Version version) {
        return version.feature() >= 22 || (version.feature() == 21 && version.update() >= 1)
                || (version.feature() == 17 && version.update() >= 9);
    }

    /**
     * On one host every service shares the same cores. A terminal waits for the gateway's answer;
     * everything behind Kafka is asynchronous and may fall a few seconds behind in a burst. So the
     * services other than the gateway run at a lower CPU priority ({@code SUITE_CONSUMER_NICE},
     * default 5; 0 runs everything at the same priority). In Kubernetes the services are separate
     * pods with their own CPU requests, which this stands in for.
     */
    static int niceness(SuiteService service) {
        if (service == SuiteService.TERMINAL_GATEWAY) {
            return 0;
        }
        String configured = System.getenv().getOrDefault("SUITE_CONSUMER_NICE", "5");
        try {
            return Math.max(0, Math.min(19, Integer.parseInt(configured.trim())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("SUITE_CONSUMER_NICE must be a number 0-19, not " + configured);
        }
    }

    private Path jar() {
        return config.root().resolve(service.module()).resolve("target/quarkus-app/quarkus-run.jar");
    }

    public SuiteService service() {
        return service;
    }

    @Override
    public String name() {
        return service.module();
    }

    @Override
    public ManagedProcess process() {
        return process;
    }

    @Override
    public String url() {
        return config.serviceUrl(service) + "  (management " + config.managementUrl(service)
                + ": /q/health/ready, /q/metrics, /q/openapi)";
    }

    /** Starts without waiting, so that the five JVMs boot side by side. */
    public boolean startAsync() {
        if (running().isPresent()) {
            return false;
        }
        if (!Files.isRegularFile(jar())) {
            throw new SetupException(service.module() + " is not built (" + jar() + " missing): run mvn -DskipTests package");
        }
        return process.start();
    }

    public void awaitReady() {
        process.awaitReady(Duration.ofSeconds(180), () -> Http.status(config.managementUrl(service) + "/q/health/ready") == 200);
    }

    @Override
    public boolean up() {
        boolean started = startAsync();
        awaitReady();
        return started;
    }
}
