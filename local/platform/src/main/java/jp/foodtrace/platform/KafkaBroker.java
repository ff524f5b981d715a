package jp.foodtrace.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;

import jp.foodtrace.messaging.Topic;
import jp.foodtrace.messaging.Topics;

/**
 * A single-node Apache Kafka broker in KRaft mode (combined broker and controller), run from the
 * Maven Central jars in {@code local/runtime/target/runtime/kafka}, with every topic of
 * {@link Topics#ALL} created.
 */
public final class KafkaBroker implements Component {

    /**
     * A second listener that authenticates clients with SASL/SCRAM-SHA-512, as MSK and Strimzi
     * deployments do; the user is created when the storage is formatted. Used by tests that prove
     * a service connects everything (channels and dead-letter writes) with the deployment's
     * {@code KAFKA_*} security settings.
     */
    public record Scram(int port, String user, String password) {

        public static final String MECHANISM = "SCRAM-SHA-512";

        /** The JAAS line a client needs. */
        public String jaasConfig() {
            return "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"" + user
                    + "\" password=\"" + password + "\";";
        }
    }

    private static final String NAME = "kafka";
    private final PlatformConfig config;
    private final Scram scram;
    private final Path dir;
    private final ManagedProcess process;

    public KafkaBroker(PlatformConfig config) {
        this(config, null);
    }

    /** A broker with a SASL/SCRAM listener besides the plain one; {@code scram} may be null. */
    public KafkaBroker(PlatformConfig config, Scram scram) {
        this.config = config;
        this.scram = scram;
        this.dir = config.home().resolve(NAME);
        String marker = ManagedProcess.javaMarker(NAME, config);
        List<Integer> ports = scram == null ? List.of(config.kafkaPort(), config.controllerPort())
                : List.of(config.kafkaPort(), config.controllerPort(), scram.port());
        this.process = new ManagedProcess(NAME, config, List.of(ManagedProcess.java(), marker,
                "-Xms256m", "-Xmx512m", "-XX:+UseG1GC",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp", classpath(), "kafka.Kafka", dir.resolve("server.properties").toString()),
                Map.of(), marker, ports);
    }

    /** The SASL/SCRAM listener's address, where there is one. */
    public String scramBootstrap() {
        if (scram == null) {
            throw new IllegalStateException("this broker has no SCRAM listener");
        }
        return config.host() + ":" + scram.port();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ManagedProcess process() {
        return process;
    }

    @Override
    public String url() {
        return config.kafkaBootstrap();
    }

    @Override
    public boolean up() {
        boolean started = false;
        if (running().isEmpty()) {
            writeConfig();
            formatStorageOnce();
            started = process.start();
        }
        process.awaitReady(Duration.ofSeconds(90), this::answers);
        createTopics();
        return started;
    }

    private String classpath() {
        Path jars = config.runtime().resolve("kafka");
        return jars + "/*";
    }

    private void writeConfig() {
        Path jars = config.runtime().resolve("kafka");
        if (!Files.isDirectory(jars)) {
            throw new SetupException("Kafka jars are missing in " + jars + ": build first (mvn -DskipTests package)");
        }
        String host = config.host();
        String sasl = scram == null ? "" : ",SASL_PLAINTEXT://" + host + ":" + scram.port();
        String server = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + host + ":" + config.controllerPort(),
                "listeners=PLAINTEXT://" + host + ":" + config.kafkaPort() + ",CONTROLLER://" + host + ":"
                        + config.controllerPort() + sasl,
                "advertised.listeners=PLAINTEXT://" + host + ":" + config.kafkaPort() + sasl,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT"
                        + (scram == null ? "" : ",SASL_PLAINTEXT:SASL_PLAINTEXT"),
                scram == null ? "" : "sasl.enabled.mechanisms=" + Scram.MECHANISM,
                scram == null ? "" : "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config="
                        + "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "log.dirs=" + dir.resolve("data"),
                // Topics are declared in one place (Topics.ALL); a typo must fail, not create a topic.
                "auto.create.topics.enable=false",
                "num.partitions=3",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "") ;
        String log4j = String.join("\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = OUT",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = info",
                "rootLogger.appenderRef.out.ref = OUT",
                "logger.clients.name = org.apache.kafka.clients",
                "logger.clients.level = warn",
                "");
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("server.properties"), server);
            Files.writeString(dir.resolve("log4j2.properties"), log4j);
        } catch (IOException e) {
            throw new SetupException("cannot write Kafka configuration in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** KRaft storage is formatted once; a formatted data folder is kept across restarts. */
    private void formatStorageOnce() {
        if (Files.exists(dir.resolve("data/meta.properties"))) {
            return;
        }
        try {
            Files.createDirectories(config.logs());
            List<String> command = new ArrayList<>(List.of(ManagedProcess.java(), "-Xmx256m",
                    "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                    "-cp", classpath(), "kafka.tools.StorageTool", "format",
                    "-t", Uuid.randomUuid().toString(), "-c", dir.resolve("server.properties").toString()));
            if (scram != null) {
                command.addAll(List.of("--add-scram",
                        Scram.MECHANISM + "=[name=" + scram.user() + ",password=" + scram.password() + "]"));
            }
            Process format = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(config.logs().resolve("kafka-format.log").toFile()))
                    .start();
            if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new SetupException("formatting Kafka storage failed; see " + config.logs().resolve("kafka-format.log"));
            }
        } catch (IOException e) {
            throw new SetupException("cannot format Kafka storage: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupException("interrupted while formatting Kafka storage");
        }
    }

    private boolean answers() {
        if (!ManagedProcess.listening(config.host(), config.kafkaPort())) {
            return false;
        }
        try (Admin admin = admin()) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (ExecutionException | TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000));
    }

    /** Creates the topics of the architecture that do not exist yet. */
    public void createTopics() {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = Topics.ALL.stream()
                    .filter(t -> !existing.contains(t.name()))
                    .map(KafkaBroker::newTopic)
                    .toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | TimeoutException e) {
            throw new SetupException("creating Kafka topics failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupException("interrupted while creating topics");
        }
    }

    private static NewTopic newTopic(Topic topic) {
        return new NewTopic(topic.name(), topic.partitions(), (short) 1).configs(Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG,
                topic.compacted() ? TopicConfig.CLEANUP_POLICY_COMPACT : TopicConfig.CLEANUP_POLICY_DELETE));
    }
}
