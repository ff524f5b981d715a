package jp.foodtrace.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jp.foodtrace.messaging.Topic;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.platform.Platform;
import jp.foodtrace.platform.PlatformConfig;
import jp.foodtrace.platform.SuiteService;
import jp.foodtrace.testsupport.FaultInjectingProxy;

/**
 * The short variant of {@code bench/sim/bin/bench-faults}, so that a regression fails the build:
 * the packaged gateway, order-service and sync-service under steady terminal load from the fleet
 * simulator, while the database goes away for a few seconds (every connection of every service
 * cut and new ones refused, as in a failover) and order-service is killed with -9 and restarted.
 * Then every order a terminal was told was received must be in HQ's feed exactly once
 * ({@code sim reconcile}), and nothing may have been dead-lettered.
 */
class FaultsIT {

    private static final Pattern ACKNOWLEDGED = Pattern.compile("acknowledged (\\d+)");

    private static FaultInjectingProxy database;
    private static Platform platform;
    private static Path work;

    @BeforeAll
    static void startSuite() throws IOException {
        database = FaultInjectingProxy.refusingTo("127.0.0.1", 5432);
        database.passThrough();
        PlatformConfig free = PlatformConfig.isolated(PlatformConfig.findRoot(),
                Path.of("target/platform-faults").toAbsolutePath(), "suite_test_faults");
        PlatformConfig config = new PlatformConfig(free.root(), free.home(), free.host(), free.kafkaPort(),
                free.controllerPort(), free.s3Port(), free.sesPort(), free.smtpPort(), free.smtpApiPort(), "127.0.0.1",
                database.port(), free.database(), free.servicePorts(), free.managementPorts());
        platform = new Platform(config);
        platform.upInfrastructure(EnumSet.of(Platform.Part.KAFKA), true, line -> System.out.println("[faults] " + line));
        platform.upServices(List.of(SuiteService.TERMINAL_GATEWAY, SuiteService.ORDER_SERVICE, SuiteService.SYNC_SERVICE),
                line -> System.out.println("[faults] " + line));
        work = Files.createTempDirectory(Path.of("target"), "faults-sim");
    }

    @AfterAll
    static void stopSuite() throws IOException {
        if (platform != null) {
            platform.stop();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    void acknowledgedOrdersReachTheFeedExactlyOnceThroughADatabaseOutageAndAKilledOrderService() throws Exception {
        long deadLettersBefore = deadLetters();
        Process seed = sim("seed", "hq", "seed", "--stores", "20", "--items", "20");
        assertEquals(0, seed.waitFor(), log("seed"));
        Thread.sleep(10_000); // master data reaches the gateway and order-service through the compacted topics

        Process fleet = sim("fleet", "fleet", "steady", "--terminals", "20", "--rate", "10", "--duration", "35",
                "--items", "20", "--misbehaving", "0", "--resend", "0.05", "--attempts", "8",
                "--port", Integer.toString(platform.config().port(SuiteService.TERMINAL_GATEWAY)));
        Thread.sleep(6_000);
        System.out.println("[faults] database unreachable for 6 s");
        database.refuse();
        Thread.sleep(6_000);
        database.passThrough();
        Thread.sleep(6_000);
        System.out.println("[faults] kill -9 of order-service, restarted 3 s later");
        platform.service(SuiteService.ORDER_SERVICE).process().running().orElseThrow().destroyForcibly();
        Thread.sleep(3_000);
        platform.upServices(List.of(SuiteService.ORDER_SERVICE), line -> System.out.println("[faults] " + line));
        assertTrue(fleet.waitFor(120, TimeUnit.SECONDS), "the fleet simulator did not finish");

        Matcher acknowledged = ACKNOWLEDGED.matcher(log("fleet"));
        assertTrue(acknowledged.find() && Long.parseLong(acknowledged.group(1)) > 100,
                "too few orders acknowledged for the run to mean anything:\n" + log("fleet"));
        Process reconcile = sim("reconcile", "reconcile", "--wait", "120");
        assertEquals(0, reconcile.waitFor(), "orders lost, duplicated or extra:\n" + log("reconcile"));
        assertEquals(deadLettersBefore, deadLetters(), "transient faults must not dead-letter anything");
    }

    /** Runs a simulator as its own process, as {@code bench/sim/bin/sim} does, against this platform. */
    private static Process sim(String name, String... args) throws IOException {
        Path root = platform.config().root();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m", "-cp",
                root.resolve("bench/sim/target/suite-sim.jar") + File.pathSeparator + root.resolve("bench/sim/target/lib/*"),
                mainOf(args[0])));
        command.addAll(List.of(args).subList(1, args.length));
        command.addAll(List.of("--home", work.toString(),
                "--sync", platform.config().serviceUrl(SuiteService.SYNC_SERVICE),
                "--orders", platform.config().serviceUrl(SuiteService.ORDER_SERVICE),
                "--admin-token", PlatformConfig.LOCAL_ADMIN_TOKEN));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile())
                .start();
    }

    private static String mainOf(String what) {
        return switch (what) {
            case "fleet" -> "jp.foodtrace.sim.TerminalFleetSim";
            case "hq" -> "jp.foodtrace.sim.HqServerSim";
            case "reconcile" -> "jp.foodtrace.sim.Reconcile";
            default -> throw new IllegalArgumentException(what);
        };
    }

    private static String log(String name) throws IOException {
        return Files.readString(work.resolve(name + ".log"));
    }

    /** Records in every dead-letter topic. */
    private static long deadLetters() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                platform.config().kafkaBootstrap()))) {
            Map<TopicPartition, OffsetSpec> ends = new java.util.HashMap<>();
            for (Topic topic : Topics.ALL) {
                if (topic.name().endsWith(".dlq")) {
                    for (int p = 0; p < topic.partitions(); p++) {
                        ends.put(new TopicPartition(topic.name(), p), OffsetSpec.latest());
                    }
                }
            }
            return admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).values().stream()
                    .mapToLong(info -> info.offset()).sum();
        }
    }
}
