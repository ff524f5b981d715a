package jp.foodtrace.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.Config;

import io.smallrye.common.annotation.Identifier;

/**
 * Writes a record that can never be processed to {@code <topic>.dlq}, for every consumer
 * ({@link EventIntake}, {@link BatchIntake}): they decide retry versus dead-letter themselves
 * rather than through the channel's failure strategy. The dead-letter record is the one
 * SmallRye's {@code dead-letter-queue} strategy writes: original key, value and headers, plus the
 * headers named here.
 */
@ApplicationScoped
public class DeadLetters {

    /** Class of the exception that made the record fail. */
    public static final String EXCEPTION_CLASS_NAME = "dead-letter-exception-class-name";
    /** Class of that exception's cause, where it has one. */
    public static final String CAUSE_CLASS_NAME = "dead-letter-cause-class-name";
    /** Message of the exception: why the record was dead-lettered. */
    public static final String REASON = "dead-letter-reason";
    /** Message of the exception's cause, where it has one. */
    public static final String CAUSE = "dead-letter-cause";
    /** Topic the record was read from. */
    public static final String TOPIC = "dead-letter-topic";
    /** Partition the record was read from. */
    public static final String PARTITION = "dead-letter-partition";
    /** Offset of the record in that partition. */
    public static final String OFFSET = "dead-letter-offset";

    private static final String INCOMING = "mp.messaging.incoming.";
    private static final String CONNECTOR = "mp.messaging.connector.smallrye-kafka.";
    private static final int MAX_REASON = 4000;
    /** Settings of ours that a channel's configuration must not change. */
    private static final Set<String> OWN = Set.of(ProducerConfig.ACKS_CONFIG, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
            ProducerConfig.CLIENT_ID_CONFIG, ProducerConfig.TRANSACTIONAL_ID_CONFIG);

    private final Function<String, Map<String, Object>> connectionOf;
    private final String clientId;
    private final Duration timeout;
    private final Map<Map<String, Object>, Producer<String, String>> producers = new HashMap<>();

    /**
     * The producer connects exactly as the consuming channel does: the Kafka settings Quarkus hands
     * to every channel ({@code kafka.*} properties and {@code KAFKA_*} environment variables, such as
     * the SASL and TLS settings of a deployment), then the connector's and the channel's own.
     */
    @Inject
    public DeadLetters(Config config, @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this(topic -> channelConnection(config, kafka, topic),
                config.getOptionalValue("quarkus.application.name", String.class).orElse("suite") + "-dead-letters",
                Duration.ofSeconds(30));
    }

    /** {@code connectionOf} gives the client settings of the channel that consumes a topic. */
    DeadLetters(Function<String, Map<String, Object>> connectionOf, String clientId, Duration timeout) {
        this.connectionOf = connectionOf;
        this.clientId = clientId;
        this.timeout = timeout;
    }

    /**
     * Writes the record to {@code <topic>.dlq} and waits for the broker's ack. A write that fails
     * or times out is a {@link TransientFailure}: the caller must not take the record as handled.
     */
    public void send(ConsumerRecord<String, String> record, Throwable reason) {
        String topic = Topics.deadLetterOf(record.topic());
        ProducerRecord<String, String> dead = new ProducerRecord<>(topic, null, record.key(), record.value(),
                headers(record, reason));
        try {
            producer(record.topic()).send(dead).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientFailure("interrupted while writing to " + topic, e);
        } catch (ExecutionException e) {
            throw new TransientFailure("writing to " + topic + " failed", e.getCause());
        } catch (TimeoutException e) {
            throw new TransientFailure("Kafka did not confirm the write to " + topic + " within " + timeout, e);
        }
    }

    /** The headers of the dead-letter record: the reason and the origin, then the original headers. */
    public static Headers headers(ConsumerRecord<String, String> record, Throwable reason) {
        RecordHeaders headers = new RecordHeaders();
        add(headers, EXCEPTION_CLASS_NAME, reason.getClass().getName());
        add(headers, REASON, clip(message(reason)));
        if (reason.getCause() != null) {
            add(headers, CAUSE_CLASS_NAME, reason.getCause().getClass().getName());
            add(headers, CAUSE, clip(message(reason.getCause())));
        }
        add(headers, TOPIC, record.topic());
        add(headers, PARTITION, Integer.toString(record.partition()));
        add(headers, OFFSET, Long.toString(record.offset()));
        for (Header header : record.headers()) {
            headers.add(header);
        }
        return headers;
    }

    @PreDestroy
    synchronized void close() {
        producers.values().forEach(p -> p.close(Duration.ofSeconds(5)));
        producers.clear();
    }

    /** Created on first use: most services never dead-letter anything in their lifetime. */
    private synchronized Producer<String, String> producer(String sourceTopic) {
        Map<String, Object> settings = producerSettings(connectionOf.apply(sourceTopic), clientId);
        return producers.computeIfAbsent(settings, KafkaProducer::new);
    }

    /** The connection settings among {@code channel}, with the settings a dead-letter write needs. */
    static Map<String, Object> producerSettings(Map<String, Object> channel, String clientId) {
        Map<String, Object> settings = new HashMap<>();
        Set<String> producerNames = ProducerConfig.configNames();
        channel.forEach((name, value) -> {
            if (producerNames.contains(name) && !OWN.contains(name) && value != null) {
                settings.put(name, value);
            }
        });
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        return Map.copyOf(settings);
    }

    /** What the Kafka connector gives the channel consuming {@code topic}, as producer settings. */
    static Map<String, Object> channelConnection(Config config, Map<String, Object> kafka, String topic) {
        Map<String, Object> settings = new HashMap<>(kafka);
        Optional<String> channel = channelOf(config, topic);
        for (String name : ProducerConfig.configNames()) {
            config.getOptionalValue(CONNECTOR + name, String.class).ifPresent(v -> settings.put(name, v));
            channel.flatMap(c -> config.getOptionalValue(INCOMING + c + "." + name, String.class))
                    .ifPresent(v -> settings.put(name, v));
        }
        return settings;
    }

    private static Optional<String> channelOf(Config config, String topic) {
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(INCOMING) && name.endsWith(".topic")) {
                String channel = name.substring(INCOMING.length(), name.length() - ".topic".length());
                if (config.getOptionalValue(name, String.class).filter(topic::equals).isPresent()) {
                    return Optional.of(channel);
                }
            }
        }
        return Optional.empty();
    }

    private static String message(Throwable throwable) {
        return throwable.getMessage() == null ? throwable.toString() : throwable.getMessage();
    }

    private static String clip(String text) {
        return text.length() <= MAX_REASON ? text : text.substring(0, MAX_REASON) + "…";
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
