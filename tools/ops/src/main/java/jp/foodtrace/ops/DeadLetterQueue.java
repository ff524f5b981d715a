package jp.foodtrace.ops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import jp.foodtrace.messaging.Topic;

/**
 * Reads and replays the dead-letter topics of one cluster.
 *
 * <p>Reading assigns the partitions itself: no consumer group, no committed offsets, so looking
 * never moves anybody's position and two operators can look at once. It reads from the beginning
 * up to the end offsets taken when it started, then stops; records dead-lettered meanwhile show
 * on the next run.
 *
 * <p>Replaying republishes to the source topic with the same key, value and original headers
 * (without the {@code dead-letter-*} ones, which would otherwise travel back into the next dead
 * letter), with {@code acks=all} and idempotence, and returns only after the broker confirmed each
 * write. It is safe to replay a record that was in fact processed: each consumer records the
 * {@code event-id} in its inbox and ignores it the second time.
 */
public final class DeadLetterQueue implements AutoCloseable {

    private static final Duration API_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(2);

    private final KafkaClientSettings settings;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private KafkaProducer<byte[], byte[]> producer;

    public DeadLetterQueue(KafkaClientSettings settings) {
        this.settings = settings;
        this.consumer = new KafkaConsumer<>(settings.with(Map.of(
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.CLIENT_ID_CONFIG, "suite-dlq-reader",
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) API_TIMEOUT.toMillis(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName())));
    }

    /** The source topic of a name given either way: {@code lots.v1} or {@code lots.v1.dlq}. */
    public static String sourceOf(String topic) {
        return topic.endsWith(Topic.DLQ_SUFFIX) ? topic.substring(0, topic.length() - Topic.DLQ_SUFFIX.length())
                : topic;
    }

    /** Every dead-letter topic that exists on the cluster, by name. */
    public List<String> deadLetterTopics() {
        return consumer.listTopics(API_TIMEOUT).keySet().stream()
                .filter(name -> name.endsWith(Topic.DLQ_SUFFIX))
                .sorted()
                .toList();
    }

    /** Every dead letter of one source topic, oldest first per partition. */
    public List<DeadLetter> read(String sourceTopic) {
        String dlq = sourceOf(sourceTopic) + Topic.DLQ_SUFFIX;
        List<PartitionInfo> infos = consumer.partitionsFor(dlq, API_TIMEOUT);
        if (infos == null || infos.isEmpty()) {
            throw new UsageException("no dead-letter topic " + dlq + " on the cluster");
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(dlq, p.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions, API_TIMEOUT);
        List<DeadLetter> letters = new ArrayList<>();
        long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
        while (!reachedEnd(end)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("reading " + dlq + " did not reach the end offsets " + end
                        + " within " + READ_TIMEOUT);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(record -> {
                if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                    letters.add(DeadLetter.of(record));
                }
            });
        }
        consumer.unsubscribe();
        letters.sort(Comparator.comparingInt(DeadLetter::partition).thenComparingLong(DeadLetter::offset));
        return letters;
    }

    private boolean reachedEnd(Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey(), API_TIMEOUT) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** Writes the dead letter back to its source topic and waits for the broker's ack. */
    public RecordMetadata replay(DeadLetter letter, String sourceTopic) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : letter.headers()) {
            if (!DeadLetter.isDeadLetterHeader(header.key())) {
                headers.add(header);
            }
        }
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(sourceTopic, null, letter.key(), letter.value(),
                headers);
        try {
            return producer().send(record).get(API_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while republishing to " + sourceTopic, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("republishing to " + sourceTopic + " failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not confirm the write to " + sourceTopic + " within "
                    + API_TIMEOUT, e);
        }
    }

    private KafkaProducer<byte[], byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(settings.with(Map.of(
                    ProducerConfig.ACKS_CONFIG, "all",
                    ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                    ProducerConfig.CLIENT_ID_CONFIG, "suite-dlq-replay",
                    ProducerConfig.MAX_BLOCK_MS_CONFIG, (int) API_TIMEOUT.toMillis(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName())));
        }
        return producer;
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
    }
}
