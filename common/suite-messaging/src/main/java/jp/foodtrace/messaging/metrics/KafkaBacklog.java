package jp.foodtrace.messaging.metrics;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;

import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;

/**
 * Consumer lag and dead letters as the service's own gauges, so that Prometheus needs no Kafka
 * exporter: {@code suite.consumer.lag} (group, topic) is the records between the group's committed
 * offsets and the end of each topic it consumes; {@code suite.dead-letter.records} (topic: the
 * source topic) is the records on {@code <topic>.dlq}, from its end offsets, so a rise shows new
 * dead letters from any consumer. The group is the service's (the connector's {@code group.id}
 * defaults to {@code quarkus.application.name}); topics are those it has committed offsets for.
 */
@Startup
@ApplicationScoped
public class KafkaBacklog {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Map<String, Object> settings;
    private final String group;
    private Admin admin;

    @Inject
    public KafkaBacklog(SampledGauges gauges, Config config,
            @Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.group = config.getOptionalValue("kafka.group.id", String.class)
                .orElse(config.getValue("quarkus.application.name", String.class));
        Map<String, Object> admin = new HashMap<>();
        Set<String> names = AdminClientConfig.configNames();
        kafka.forEach((name, value) -> {
            if (names.contains(name)) {
                admin.put(name, value);
            }
        });
        admin.put(AdminClientConfig.CLIENT_ID_CONFIG, group + "-backlog");
        this.settings = Map.copyOf(admin);
        gauges.rows("suite.consumer.lag", "Records the service's consumer group has not consumed yet, by topic",
                this::lag);
        gauges.rows("suite.dead-letter.records", "Records on <topic>.dlq, by source topic", this::deadLetters);
    }

    private Map<Tags, Long> lag() {
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().toCompletionStage().toCompletableFuture());
        Map<TopicPartition, Long> ends = ends(committed.keySet());
        Map<Tags, Long> lag = new HashMap<>();
        committed.forEach((partition, offset) -> {
            if (offset != null && ends.containsKey(partition)) {
                long behind = Math.max(0, ends.get(partition) - offset.offset());
                lag.merge(Tags.of("group", group, "topic", partition.topic()), behind, Long::sum);
            }
        });
        return lag;
    }

    private Map<Tags, Long> deadLetters() {
        Map<TopicPartition, OffsetAndMetadata> committed = get(admin().listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().toCompletionStage().toCompletableFuture());
        Set<String> sources = new HashSet<>();
        committed.keySet().forEach(p -> sources.add(p.topic()));
        Map<String, Set<TopicPartition>> dlqPartitions = new HashMap<>();
        var described = get(admin().describeTopics(sources.stream().map(t -> t + ".dlq").toList())
                .allTopicNames().toCompletionStage().toCompletableFuture());
        described.forEach((topic, description) -> description.partitions().forEach(p ->
                dlqPartitions.computeIfAbsent(topic, t -> new HashSet<>()).add(new TopicPartition(topic, p.partition()))));
        Set<TopicPartition> all = new HashSet<>();
        dlqPartitions.values().forEach(all::addAll);
        Map<TopicPartition, Long> ends = ends(all);
        Map<Tags, Long> records = new HashMap<>();
        ends.forEach((partition, end) -> records.merge(
                Tags.of("topic", partition.topic().substring(0, partition.topic().length() - ".dlq".length())), end,
                Long::sum));
        return records;
    }

    private Map<TopicPartition, Long> ends(Set<TopicPartition> partitions) {
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        partitions.forEach(p -> latest.put(p, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> result = get(admin().listOffsets(latest).all()
                .toCompletionStage().toCompletableFuture());
        Map<TopicPartition, Long> ends = new HashMap<>();
        result.forEach((p, info) -> ends.put(p, info.offset()));
        return ends;
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(settings);
        }
        return admin;
    }

    private static <T> T get(java.util.concurrent.CompletableFuture<T> future) {
        try {
            return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("broker did not answer: " + e, e);
        }
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close(Duration.ofSeconds(2));
        }
    }
}
