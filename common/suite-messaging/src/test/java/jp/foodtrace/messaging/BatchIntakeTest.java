package jp.foodtrace.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;

class BatchIntakeTest {

    private static final String TOPIC = Topics.TERMINAL_ORDERS;

    private final FakeInbox inbox = new FakeInbox();
    private final FakeDeadLetters deadLetters = new FakeDeadLetters();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final List<String> transactions = new ArrayList<>();
    private final MutableClock clock = new MutableClock();
    private final ConsumerRetries retries = new ConsumerRetries(
            topic -> new RetrySchedule(Duration.ofMillis(1), Duration.ofMillis(4), Optional.empty()), registry,
            "test-service", clock);
    private final Consumer<Runnable> tx = work -> {
        try {
            work.run();
            inbox.commit();
            transactions.add("committed");
        } catch (RuntimeException e) {
            inbox.rollback();
            transactions.add("rolled back");
            throw e;
        }
    };
    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final RecordSpans spans = new RecordSpans(OpenTelemetrySdk.builder()
            .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exported)).build())
            .build());
    private final BatchIntake intake = new BatchIntake(inbox, deadLetters, retries, new IntakeMeters(registry, "test-service"),
            tx, spans);
    /** What each write call got, in order; a write that throws records nothing. */
    private final List<List<String>> written = new ArrayList<>();
    private final Consumer<List<String>> write = items -> {
        if (items.contains("poison")) {
            throw new PermanentFailure("poison is not an order");
        }
        written.add(List.copyOf(items));
    };
    private long offset;

    @Test
    void goodBatchIsWrittenInOneTransactionAndCountedOnce() {
        intake.consume(List.of(event("a"), event("b"), event("c")), EventEnvelope::payload, write);

        assertEquals(List.of("committed"), transactions);
        assertEquals(List.of(List.of("a", "b", "c")), written);
        assertEquals(3, consumed("processed"));
        assertEquals(3, inbox.committed.size());
        assertTrue(deadLetters.sent.isEmpty());
    }

    @Test
    void eachEventIsReadInAChildSpanOfItsRecordsTraceparentAndARecordWithoutOneStartsATrace() {
        String parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        EventEnvelope traced = EventEnvelope.of("TerminalOrderSubmitted", "S001", "a")
                .withTraceparent(Optional.of(parent));
        Map<String, Optional<String>> seen = new java.util.HashMap<>();

        intake.consume(List.of(record("S001", traced.headers(), "a"), event("b")), event -> {
            seen.put(event.payload(), Tracing.current());
            return event.payload();
        }, write);

        String a = seen.get("a").orElseThrow();
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", Tracing.traceId(a).orElseThrow());
        assertTrue(!a.equals(parent), "the consumer's own span, not the producer's: " + a);
        String b = seen.get("b").orElseThrow();
        assertTrue(!Tracing.traceId(b).orElseThrow().equals("4bf92f3577b34da6a3ce929d0e0e4736"), b);
        List<SpanData> ended = exported.getFinishedSpanItems();
        assertEquals(2, ended.size());
        SpanData first = ended.stream().filter(span -> span.getTraceId().equals("4bf92f3577b34da6a3ce929d0e0e4736"))
                .findFirst().orElseThrow();
        assertEquals("00f067aa0ba902b7", first.getParentSpanId());
        assertEquals(TOPIC + " process", first.getName());
        assertEquals(SpanKind.CONSUMER, first.getKind());
        assertEquals(Tracing.parse(a).orElseThrow().getSpanId(), first.getSpanId());
    }

    @Test
    void malformedRecordAmongGoodOnesIsDeadLetteredWithItsReasonAndTheOthersProcessed() {
        ConsumerRecord<String, String> bad = record("S001", new RecordHeaders(), "not an event");
        intake.consume(List.of(event("a"), bad, event("b")), EventEnvelope::payload, write);

        assertEquals(List.of("rolled back", "committed", "rolled back", "committed"), transactions);
        assertEquals(List.of(List.of("a"), List.of("b")), written);
        assertEquals(1, deadLetters.sent.size());
        assertEquals(bad, deadLetters.sent.get(0).record());
        assertTrue(deadLetters.sent.get(0).reason().getMessage().contains("missing header event-id"));
        assertEquals(2, consumed("processed"));
        assertEquals(1, consumed("dead-lettered"));
        assertEquals(1, registry.find("suite.dead-letters").tag("topic", TOPIC).counter().count());
        assertEquals(2, inbox.committed.size());
    }

    @Test
    void rolledBackBatchCountsNothingAndMarksNothing() {
        ConsumerRecord<String, String> poison = event("poison");
        intake.consume(List.of(event("a"), poison, event("b")), EventEnvelope::payload, write);

        // The batch wrote nothing that stayed: its inbox marks went with the rollback, and only the
        // transactions of the records one by one were counted.
        assertEquals(List.of(List.of("a"), List.of("b")), written);
        assertEquals(2, consumed("processed"));
        assertEquals(1, consumed("dead-lettered"));
        assertEquals(2, inbox.committed.size());
        assertEquals(poison, deadLetters.sent.get(0).record());
        assertEquals("poison is not an order", deadLetters.sent.get(0).reason().getMessage());
    }

    @Test
    void sameEventTwiceInOneBatchIsProcessedOnce() {
        ConsumerRecord<String, String> once = event("a");
        ConsumerRecord<String, String> again = record(once.key(), once.headers(), once.value());
        intake.consume(List.of(once, again, event("b")), EventEnvelope::payload, write);

        assertEquals(List.of(List.of("a", "b")), written);
        assertEquals(2, consumed("processed"));
        assertEquals(1, consumed("duplicate"));
    }

    @Test
    void redeliveredBatchIsAllDuplicatesAndWritesNothing() {
        List<ConsumerRecord<String, String>> batch = List.of(event("a"), event("b"));
        intake.consume(batch, EventEnvelope::payload, write);
        intake.consume(batch, EventEnvelope::payload, write);

        assertEquals(List.of(List.of("a", "b")), written);
        assertEquals(2, consumed("processed"));
        assertEquals(2, consumed("duplicate"));
    }

    @Test
    void singleFailingRecordIsDeadLetteredWithoutASecondAttempt() {
        intake.consume(List.of(event("poison")), EventEnvelope::payload, write);

        assertEquals(List.of("rolled back"), transactions);
        assertEquals(1, deadLetters.sent.size());
        assertEquals(1, consumed("dead-lettered"));
    }

    @Test
    void deadLetterWriteIsTriedAgainUntilTheBrokerConfirmsAndCountedOnce() {
        deadLetters.failures = 3;

        intake.consume(List.of(event("a"), event("poison")), EventEnvelope::payload, write);

        assertEquals(1, consumed("processed"));
        assertEquals(1, consumed("dead-lettered"));
        assertEquals(1, deadLetters.sent.size());
        assertEquals(3, retried(Topics.deadLetterOf(TOPIC)));
    }

    @Test
    void lostDatabaseConnectionIsRetriedWithTheSameBatchAndNeverDeadLettered() {
        int[] failures = {3};
        Consumer<List<String>> flaky = items -> {
            if (failures[0]-- > 0) {
                throw new IllegalStateException("insert failed",
                        new SQLException("An I/O error occurred while sending to the backend.", "08006"));
            }
            written.add(List.copyOf(items));
        };

        intake.consume(List.of(event("a"), event("b")), EventEnvelope::payload, flaky);

        assertEquals(List.of("rolled back", "rolled back", "rolled back", "committed"), transactions);
        assertEquals(List.of(List.of("a", "b")), written);
        assertTrue(deadLetters.sent.isEmpty());
        assertEquals(2, consumed("processed"));
        assertEquals(6, retried(TOPIC), "two records tried again three times");
        assertTrue(retries.retrying().isEmpty(), "no topic retrying once the batch went through");
    }

    @Test
    void topicIsReportedRetryingWhileTheFailureLasts() {
        List<Map<String, ConsumerRetries.Retrying>> seen = new ArrayList<>();
        int[] failures = {2};
        Consumer<List<String>> flaky = items -> {
            seen.add(retries.retrying());
            if (failures[0]-- > 0) {
                throw new TransientFailure("Kafka did not confirm", null);
            }
            written.add(List.copyOf(items));
        };

        intake.consume(List.of(event("a"), event("b")), EventEnvelope::payload, flaky);

        assertTrue(seen.get(0).isEmpty());
        assertEquals(1, seen.get(1).get(TOPIC).attempt());
        assertEquals(2, seen.get(2).get(TOPIC).attempt());
        assertTrue(seen.get(2).get(TOPIC).lastError().contains("Kafka did not confirm"));
        assertTrue(retries.retrying().isEmpty());
    }

    @Test
    void transientFailureOfOneRecordAfterAPermanentOneIsRetriedNotDeadLettered() {
        int[] failures = {2};
        Consumer<List<String>> write = items -> {
            if (items.contains("poison")) {
                throw new PermanentFailure("poison is not an order");
            }
            if (items.contains("b") && failures[0]-- > 0) {
                throw new IllegalStateException(new SQLException("deadlock detected", "40P01"));
            }
            written.add(List.copyOf(items));
        };

        intake.consume(List.of(event("a"), event("poison"), event("b")), EventEnvelope::payload, write);

        assertEquals(List.of(List.of("a"), List.of("b")), written);
        assertEquals(1, deadLetters.sent.size());
        assertEquals("poison is not an order", deadLetters.sent.get(0).reason().getMessage());
    }

    @Test
    void recordFailingTransientlyPastItsGiveUpTimeIsDeadLetteredWithThatReason() {
        ConsumerRetries impatient = new ConsumerRetries(
                topic -> new RetrySchedule(Duration.ofMillis(1), Duration.ofMillis(1), Optional.of(Duration.ofMinutes(5))),
                registry, "test-service", clock);
        BatchIntake intake = new BatchIntake(inbox, deadLetters, impatient, new IntakeMeters(registry, "test-service"),
                tx, spans);
        Consumer<List<String>> down = items -> {
            clock.advance(Duration.ofMinutes(2));
            throw new IllegalStateException(new SQLException("the database system is shutting down", "57P03"));
        };

        intake.consume(List.of(event("a")), EventEnvelope::payload, down);

        assertEquals(1, deadLetters.sent.size());
        assertTrue(deadLetters.sent.get(0).reason() instanceof GaveUp);
        assertTrue(deadLetters.sent.get(0).reason().getMessage().contains("57P03")
                || deadLetters.sent.get(0).reason().getCause().getMessage().contains("shutting down"));
    }

    private double retried(String topic) {
        Counter counter = registry.find("suite.test_service.events.retried").tag("topic", topic).counter();
        return counter == null ? 0 : counter.count();
    }

    private double consumed(String outcome) {
        Counter counter = registry.find("suite.test_service.events.consumed").tag("topic", TOPIC).tag("outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private ConsumerRecord<String, String> event(String payload) {
        EventEnvelope event = EventEnvelope.of("TerminalOrderSubmitted", "S001", payload);
        return record("S001", event.headers(), payload);
    }

    private ConsumerRecord<String, String> record(String key, Headers headers, String value) {
        return new ConsumerRecord<>(TOPIC, 0, offset++, 0L, TimestampType.CREATE_TIME, -1, -1, key, value, headers,
                java.util.Optional.empty());
    }

    /** The inbox table, with the marks of the open transaction kept apart until it commits. */
    private static final class FakeInbox extends Inbox {
        final Set<UUID> committed = new HashSet<>();
        final Set<UUID> pending = new LinkedHashSet<>();

        FakeInbox() {
            super(null);
        }

        @Override
        public Set<UUID> firstDeliveries(String topic, List<EventEnvelope> events) {
            Set<UUID> first = new HashSet<>();
            for (EventEnvelope event : events) {
                if (!committed.contains(event.id()) && pending.add(event.id())) {
                    first.add(event.id());
                }
            }
            return first;
        }

        void commit() {
            committed.addAll(pending);
            pending.clear();
        }

        void rollback() {
            pending.clear();
        }
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T00:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private record Sent(ConsumerRecord<String, String> record, Throwable reason) {
    }

    private static final class FakeDeadLetters extends DeadLetters {
        final List<Sent> sent = new ArrayList<>();
        int failures;

        FakeDeadLetters() {
            super(topic -> Map.of(), "test-dead-letters", Duration.ofSeconds(1));
        }

        @Override
        public void send(ConsumerRecord<String, String> record, Throwable reason) {
            if (failures-- > 0) {
                throw new TransientFailure("broker unavailable", null);
            }
            sent.add(new Sent(record, reason));
        }
    }
}
