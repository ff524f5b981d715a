package jp.foodtrace.ops;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

import org.apache.kafka.clients.CommonClientConfigs;

/**
 * Where the tools find Kafka and how they authenticate. The bootstrap servers come from
 * {@code --bootstrap}, else {@code KAFKA_BOOTSTRAP_SERVERS} (the variable the services read), else
 * the {@code bootstrap.servers} of the command-config file, else the local broker. The
 * command-config file is a Kafka client properties file, as Kafka's own CLI tools take with
 * {@code --command-config}: it carries SASL/TLS settings for MSK, so the same command works
 * locally and in a deployment without new options.
 */
public record KafkaClientSettings(String bootstrap, Map<String, Object> clientProperties) {

    static final String LOCAL_BOOTSTRAP = "127.0.0.1:9092";

    public KafkaClientSettings {
        clientProperties = Map.copyOf(clientProperties);
    }

    static KafkaClientSettings resolve(Optional<String> bootstrapOption, Optional<String> environment,
            Optional<Path> commandConfig) {
        Map<String, Object> properties = new HashMap<>();
        commandConfig.ifPresent(file -> properties.putAll(load(file)));
        String fromFile = (String) properties.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
        String bootstrap = bootstrapOption.filter(s -> !s.isBlank())
                .or(() -> environment.filter(s -> !s.isBlank()))
                .or(() -> Optional.ofNullable(fromFile))
                .orElse(LOCAL_BOOTSTRAP);
        properties.put(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return new KafkaClientSettings(bootstrap, properties);
    }

    /** The settings of one client: these properties, then the client's own that must not be overridden. */
    Map<String, Object> with(Map<String, Object> fixed) {
        Map<String, Object> merged = new HashMap<>(clientProperties);
        merged.putAll(fixed);
        return merged;
    }

    private static Map<String, Object> load(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UsageException("cannot read the command-config file " + file + ": " + e.getMessage());
        }
        Map<String, Object> map = new HashMap<>();
        properties.stringPropertyNames().forEach(name -> map.put(name, properties.getProperty(name)));
        return map;
    }
}
