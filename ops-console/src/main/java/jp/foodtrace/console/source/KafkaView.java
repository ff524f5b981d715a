package jp.foodtrace.console.source;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.smallrye.common.annotation.Identifier;

import jp.foodtrace.ops.DeadLetter;
import jp.foodtrace.ops.DeadLetterQueue;
import jp.foodtrace.ops.KafkaClientSettings;

/**
 * Kafka's own view: consumer lag per group and topic (end offset minus committed offset, which is
 * what the brokers know whatever the service reports), and the dead letters of every
 * {@code .dlq} topic, read and replayed with the same {@link DeadLetterQueue} as
 * {@code ./suite dlq}: without a consumer group, so looking moves nobody's position.
 */
@ApplicationScoped
public class KafkaView {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final Map<String, Object> clientProperties;
    private final Admin admin;

    /**
     * @param kafka the {@code kafka.*} settings (bootstrap servers, and in a deployment SASL/TLS from
     *              the {@code KAFKA_*} variables), as every service's channels get them
     */
    public KafkaView(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        Map<String, Object> properties = new HashMap<>();
        kafka.forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                properties.put(key, value);
            }
        });
        this.clientProperties = Map.copyOf(properties);
        Map<String, Object> adminProperties = new HashMap<>(clientProperties);
        adminProperties.put(AdminClientConfig.CLIENT_ID_CONFIG, "ops-console");
        adminProperties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        adminProperties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
        this.admin = Admin.create(adminProperties);
    }

    /** Lag per consumer group and topic, largest first. */
    public List<Views.Lag> lag() throws Exception {
        List<Views.Lag> rows = new ArrayList<>();
        for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            committed.values().removeIf(java.util.Objects::isNull);
            if (committed.isEmpty()) {
                continue;
            }
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<String, Long> perTopic = new TreeMap<>();
            committed.forEach((tp, offset) -> perTopic.merge(tp.topic(),
                    Math.max(0, ends.get(tp).offset() - offset.offset()), Long::sum));
            perTopic.forEach((topic, lag) -> rows.add(new Views.Lag(group.groupId(), topic, lag)));
        }
        rows.sort(Comparator.comparingLong(Views.Lag::lag).reversed().thenComparing(Views.Lag::group)
                .thenComparing(Views.Lag::topic));
        return rows;
    }

    /** Every dead-letter topic with its letters (newest first, at most {@code perTopic} shown). */
    public List<Views.DeadLetterTopic> deadLetters(int perTopic) {
        try (DeadLetterQueue queue = new DeadLetterQueue(new KafkaClientSettings(bootstrap(), clientProperties))) {
            List<Views.DeadLetterTopic> topics = new ArrayList<>();
            for (String dlq : queue.deadLetterTopics()) {
                List<DeadLetter> letters = new ArrayList<>(queue.read(dlq));
                letters.sort(Comparator.comparing(DeadLetter::deadLetteredAt).reversed());
                topics.add(new Views.DeadLetterTopic(dlq, DeadLetterQueue.sourceOf(dlq), letters.stream().limit(perTopic)
                        .map(l -> new Views.Letter(l.eventId().orElse("-"), l.keyText(),
                                TIME.format(l.deadLetteredAt().atZone(JAPAN)), l.reason().orElse("-"),
                                l.partition() + ":" + l.offset()))
                        .toList()));
            }
            return topics;
        }
    }

    /**
     * Republishes the latest dead letter with this event id to its source topic (the consumers'
     * inbox drops it if it was processed after all); empty when there is no such letter.
     */
    public Optional<String> replay(String sourceTopic, String eventId) {
        try (DeadLetterQueue queue = new DeadLetterQueue(new KafkaClientSettings(bootstrap(), clientProperties))) {
            String source = DeadLetterQueue.sourceOf(sourceTopic);
            Optional<DeadLetter> latest = queue.read(source).stream()
                    .filter(l -> l.eventId().filter(eventId::equals).isPresent())
                    .max(Comparator.comparing(DeadLetter::deadLetteredAt));
            return latest.map(letter -> {
                var written = queue.replay(letter, source);
                return source + " " + written.partition() + ":" + written.offset();
            });
        }
    }

    private String bootstrap() {
        return (String) clientProperties.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG);
    }

    static String time(Instant instant) {
        return instant == null ? null : TIME.format(instant.atZone(JAPAN));
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(5));
    }
}
