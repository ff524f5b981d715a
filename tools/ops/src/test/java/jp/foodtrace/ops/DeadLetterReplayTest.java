package jp.foodtrace.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jp.foodtrace.messaging.DeadLetters;
import jp.foodtrace.messaging.EventHeaders;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.platform.KafkaBroker;
import jp.foodtrace.platform.PlatformConfig;

/**
 * {@code ./suite dlq} against the launcher's real Kafka broker on free ports: two records that a
 * consumer of {@code lots.v1} dead-lettered (headers as {@link DeadLetters} writes them) are
 * listed, and one is replayed by event id.
 */
class DeadLetterReplayTest {

    private static final String SOURCE = Topics.LOTS;
    private static final String DLQ = Topics.deadLetterOf(SOURCE);

    private static Path home;
    private static KafkaBroker broker;
    private static String bootstrap;
    private static DeadLetterRecord first;
    private static DeadLetterRecord second;

    /** One record as the failing consumer wrote it: the original part and the dead-letter headers. */
    record DeadLetterRecord(String key, String value, Headers original, String eventId, String reason) {
    }

    @BeforeAll
    static void startBrokerAndDeadLetterTwoRecords() throws Exception {
        Files.createDirectories(Path.of("target"));
        home = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "platform-");
        PlatformConfig config = PlatformConfig.isolated(PlatformConfig.findRoot(), home, "unused");
        broker = new KafkaBroker(config);
        broker.up();
        bootstrap = config.kafkaBootstrap();
        first = deadLetter("L-2026-001", "{\"lotNumber\":\"L-2026-001\",\"quantity\":\"many\"}", 4,
                "quantity is not a number");
        second = deadLetter("L-2026-002", "{\"lotNumber\":\"L-2026-002\"}", 1, "itemCode is missing");
    }

    @AfterAll
    static void stopBroker() throws IOException {
        if (broker != null) {
            broker.process().stop(Duration.ofSeconds(30));
        }
        if (home != null) {
            try (Stream<Path> files = Files.walk(home)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void listShowsEveryDeadLetterWithDlqTopicOffsetKeyEventIdAndReason() {
        for (String[] args : List.of(new String[] { "list", SOURCE }, new String[] { "list" })) {
            Run run = dlq(args);
            assertEquals(0, run.exitCode(), run.output());
            List<String> lines = run.output().lines().filter(l -> l.startsWith(DLQ)).toList();
            assertEquals(2, lines.size(), run.output());
            assertTrue(lines.get(0).matches(DLQ + "\\s+0:0\\s+L-2026-001\\s+" + first.eventId() + "\\s+\\S+Z\\s+"
                    + first.reason()), lines.get(0));
            assertTrue(lines.get(1).matches(DLQ + "\\s+0:1\\s+L-2026-002\\s+" + second.eventId() + "\\s+\\S+Z\\s+"
                    + second.reason()), lines.get(1));
            assertTrue(run.output().contains("[dlq] 2 dead letters: 2 in " + DLQ), run.output());
        }
    }

    @Test
    void replayByEventIdRepublishesExactlyThatRecordWithOriginalKeyAndHeadersAndNoDeadLetterHeader() {
        Map<TopicPartition, Long> before = endOffsets(SOURCE);

        Run run = dlq("replay", SOURCE, "--event-id", second.eventId());

        assertEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("republished 1 of 2 dead letters to " + SOURCE), run.output());
        List<ConsumerRecord<String, String>> republished = readAfter(before, 1);
        assertEquals(1, republished.size(), "records on " + SOURCE + " after the replay: " + republished);
        ConsumerRecord<String, String> record = republished.get(0);
        assertEquals(second.key(), record.key());
        assertEquals(second.value(), record.value());
        assertEquals(headerList(second.original()), headerList(record.headers()));
        for (Header header : record.headers()) {
            assertFalse(header.key().startsWith("dead-letter-"), "header " + header.key() + " travelled back");
        }
    }

    @Test
    void replayOfAnUnknownEventIdRepublishesNothingAndSaysSo() {
        Map<TopicPartition, Long> before = endOffsets(SOURCE);

        Run run = dlq("replay", SOURCE, "--event-id", UUID.randomUUID().toString());

        assertEquals(1, run.exitCode(), run.output());
        assertTrue(run.output().contains("nothing to replay"), run.output());
        assertEquals(List.of(), readAfter(before, 0));
    }

    private record Run(int exitCode, String output) {
    }

    private static Run dlq(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exit = new DlqCommand(new PrintStream(bytes, true, StandardCharsets.UTF_8))
                .run(Stream.concat(Stream.of(args), Stream.of("--bootstrap", bootstrap)).toArray(String[]::new), null);
        return new Run(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    /** Writes what a consumer of {@code lots.v1} writes when it can never process a record. */
    private static DeadLetterRecord deadLetter(String key, String value, long sourceOffset, String reason)
            throws Exception {
        String eventId = UUID.randomUUID().toString();
        RecordHeaders original = new RecordHeaders();
        original.add(EventHeaders.EVENT_ID, bytes(eventId));
        original.add(EventHeaders.EVENT_TYPE, bytes("LotRecorded"));
        original.add(EventHeaders.OCCURRED_AT, bytes("2026-12-01T05:00:00Z"));
        original.add(EventHeaders.TRACEPARENT, bytes("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01"));
        RecordHeaders dead = new RecordHeaders();
        dead.add(DeadLetters.EXCEPTION_CLASS_NAME, bytes("jp.foodtrace.messaging.PermanentFailure"));
        dead.add(DeadLetters.REASON, bytes(reason));
        dead.add(DeadLetters.CAUSE_CLASS_NAME, bytes("java.lang.NumberFormatException"));
        dead.add(DeadLetters.CAUSE, bytes("For input string"));
        dead.add(DeadLetters.TOPIC, bytes(SOURCE));
        dead.add(DeadLetters.PARTITION, bytes("2"));
        dead.add(DeadLetters.OFFSET, bytes(Long.toString(sourceOffset)));
        original.forEach(dead::add);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(DLQ, null, key, value, dead)).get(30, TimeUnit.SECONDS);
        }
        return new DeadLetterRecord(key, value, original, eventId, reason);
    }

    private static Map<TopicPartition, Long> endOffsets(String topic) {
        try (KafkaConsumer<String, String> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            return new HashMap<>(consumer.endOffsets(partitions));
        }
    }

    /** Everything written after the given offsets; waits for {@code expected}, then a little longer for extras. */
    private static List<ConsumerRecord<String, String>> readAfter(Map<TopicPartition, Long> offsets, int expected) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.assign(offsets.keySet());
            offsets.forEach(consumer::seek);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (records.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            consumer.poll(Duration.ofSeconds(2)).forEach(records::add);
        }
        return records;
    }

    private static KafkaConsumer<String, String> consumer() {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer());
    }

    private static List<String> headerList(Headers headers) {
        List<String> list = new ArrayList<>();
        headers.forEach(h -> list.add(h.key() + "=" + new String(h.value(), StandardCharsets.UTF_8)));
        return list;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
