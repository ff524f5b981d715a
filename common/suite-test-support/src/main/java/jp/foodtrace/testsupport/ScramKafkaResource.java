package jp.foodtrace.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import jp.foodtrace.platform.KafkaBroker;
import jp.foodtrace.platform.Platform;
import jp.foodtrace.platform.PlatformConfig;
import jp.foodtrace.platform.SuiteService;

/**
 * A Kafka broker of its own whose clients must authenticate with SASL/SCRAM-SHA-512, as in a
 * deployment on MSK or Strimzi, with the service pointed at it the way a deployment does it: the
 * security settings as {@code KAFKA_*} variables ({@code KAFKA_SECURITY_PROTOCOL},
 * {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}), which Quarkus hands to every Kafka
 * channel. The database is the test platform's. The broker also has a plain listener
 * ({@link #plainBootstrap()}) for the test's own producer and consumer.
 */
public class ScramKafkaResource implements QuarkusTestResourceLifecycleManager {

    public static final String USER = "suite-service";
    private static final String PLAIN = "suite.test-platform.scram.plain-bootstrap";

    private SuiteService service;
    private KafkaBroker broker;

    @Override
    public void init(Map<String, String> initArgs) {
        service = SuiteService.byModule(initArgs.get("service"));
    }

    @Override
    public Map<String, String> start() {
        TestPlatform.start(service.module(), EnumSet.of(Platform.Part.KAFKA));
        // A fresh home each time: the SCRAM user is created when the storage is formatted.
        Path home = Path.of("target/platform-scram").toAbsolutePath();
        deleteTree(home);
        PlatformConfig own = PlatformConfig.isolated(PlatformConfig.findRoot(), home,
                TestPlatform.current().config().database());
        KafkaBroker.Scram scram = new KafkaBroker.Scram(PlatformConfig.freePort(), USER, "scram-secret");
        broker = new KafkaBroker(own, scram);
        broker.up();
        System.setProperty(PLAIN, own.kafkaBootstrap());

        Map<String, String> config = new HashMap<>(TestPlatform.quarkusConfig(service));
        config.put("kafka.bootstrap.servers", broker.scramBootstrap());
        config.put("KAFKA_SECURITY_PROTOCOL", "SASL_PLAINTEXT");
        config.put("KAFKA_SASL_MECHANISM", KafkaBroker.Scram.MECHANISM);
        config.put("KAFKA_SASL_JAAS_CONFIG", scram.jaasConfig());
        return config;
    }

    /** The broker's unauthenticated listener, for the test's own clients. */
    public static String plainBootstrap() {
        return System.getProperty(PLAIN);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + root, e);
        }
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.process().stop(Duration.ofSeconds(20));
        }
    }
}
