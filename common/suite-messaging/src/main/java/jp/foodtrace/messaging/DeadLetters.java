package jp.foodtrace.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

/**
 * Writes a record that can never be processed to {@code <topic>.dlq}, for consumers that
 * dead-letter records themselves ({@link BatchIntake}) rather than through the channel's
 * {@code dead-letter-queue} failure strategy. The dead-letter record is the one SmallRye's
 * strategy writes: original key, value and headers, plus the headers named here.
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

    private static final String KAFKA_PREFIX = "kafka.";

    private final Map<String, Object> producerConfig;
    private final Duration timeout;
    private Producer<String, String> producer;

    /** Producer settings are the service's {@code kafka.*} properties, as for its channels. */
    @Inject
    public DeadLetters(Config config) {
        this(kafkaProperties(config), Duration.ofSeconds(30));
    }

    DeadLetters(Map<String, Object> kafkaProperties, Duration timeout) {
        Map<String, Object> settings = new HashMap<>(kafkaProperties);
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        settings.putIfAbsent(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");
        this.producerConfig = Map.copyOf(settings);
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
            producer().send(dead).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
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
        add(headers, REASON, message(reason));
        if (reason.getCause() != null) {
            add(headers, CAUSE_CLASS_NAME, reason.getCause().getClass().getName());
            add(headers, CAUSE, message(reason.getCause()));
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
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    /** Created on first use: most services never dead-letter anything in their lifetime. */
    private synchronized Producer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(producerConfig);
        }
        return producer;
    }

    private static Map<String, Object> kafkaProperties(Config config) {
        Map<String, Object> properties = new HashMap<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(KAFKA_PREFIX)) {
                config.getOptionalValue(name, String.class)
                        .ifPresent(value -> properties.put(name.substring(KAFKA_PREFIX.length()), value));
            }
        }
        // Set from the environment (KAFKA_BOOTSTRAP_SERVERS), it is not among the names listed above.
        config.getOptionalValue(KAFKA_PREFIX + ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.class)
                .ifPresent(servers -> properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers));
        config.getOptionalValue("quarkus.application.name", String.class)
                .ifPresent(service -> properties.put(ProducerConfig.CLIENT_ID_CONFIG, service + "-dead-letters"));
        return properties;
    }

    private static String message(Throwable throwable) {
        return throwable.getMessage() == null ? throwable.toString() : throwable.getMessage();
    }

    private static void add(Headers headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
