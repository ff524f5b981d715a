package jp.foodtrace.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import jp.foodtrace.messaging.EventEnvelope;

/** Sends and reads records on a real broker, for tests. */
public final class TestEvents {

    private final String bootstrap;

    public TestEvents(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    public static TestEvents onTestPlatform() {
        return new TestEvents(TestPlatform.current().config().kafkaBootstrap());
    }

    /** Sends an event with the suite's envelope headers and waits for the broker's ack. */
    public EventEnvelope send(String topic, String key, String type, String payload) {
        EventEnvelope event = EventEnvelope.of(type, key, payload);
        send(topic, key, event.headers(), payload);
        return event;
    }

    /** Sends a record exactly as given (for malformed-record tests). */
    public void send(String topic, String key, Headers headers, String value) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("send to " + topic + " failed", e);
        }
    }

    public void sendWithoutHeaders(String topic, String key, String value) {
        send(topic, key, new RecordHeaders(), value);
    }

    /** Reads a topic from the beginning until {@code expected} records arrived or the time is up. */
    public List<ConsumerRecord<String, String>> read(String topic, int expected, Duration timeout) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /**
     * The first record with the given key on a topic, read from the beginning; waits up to the
     * timeout. Other tests may write to the same topic, so records are found by key, not position.
     */
    public java.util.Optional<ConsumerRecord<String, String>> awaitKey(String topic, String key, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            for (ConsumerRecord<String, String> record : read(topic, Integer.MAX_VALUE, Duration.ofSeconds(2))) {
                if (key.equals(record.key())) {
                    return java.util.Optional.of(record);
                }
            }
        } while (System.nanoTime() < deadline);
        return java.util.Optional.empty();
    }

    /**
     * Records as one poll hands them to a batch consumer ({@code batch=true}): grouped by
     * partition, in the given order within each.
     */
    public static ConsumerRecords<String, String> poll(List<ConsumerRecord<String, String>> records) {
        Map<TopicPartition, List<ConsumerRecord<String, String>>> byPartition = new LinkedHashMap<>();
        records.forEach(r -> byPartition.computeIfAbsent(new TopicPartition(r.topic(), r.partition()), p -> new ArrayList<>())
                .add(r));
        return new ConsumerRecords<>(byPartition, Map.of());
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
