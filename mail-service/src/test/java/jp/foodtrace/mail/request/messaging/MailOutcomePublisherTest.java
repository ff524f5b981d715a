package jp.foodtrace.mail.request.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jp.foodtrace.mail.request.MailCategory;
import jp.foodtrace.mail.request.MailLocale;
import jp.foodtrace.mail.request.MailLogEntry;
import jp.foodtrace.mail.request.MailStatus;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.EventHeaders;
import jp.foodtrace.messaging.events.MailOutcome;

/** A finished request → the record on mail.events.v1, and publishing returns only once the broker answered. */
class MailOutcomePublisherTest {

    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final Instant FINISHED = Instant.parse("2026-03-01T00:00:01Z");

    private static MailLogEntry sent(String requestId) {
        return new MailLogEntry(requestId, "member@example.jp", "recall-notice", MailLocale.JA, MailCategory.NOTICE,
                Map.of(), "topic", MailStatus.SENT, 1, "<m@x>", null, "ses", "ses-1", null,
                FINISHED.minusSeconds(1), FINISHED);
    }

    @Test
    void recordIsKeyedByRecipientWithTheStableEventIdAndReadsBackAsTheOutcome() {
        EventEnvelope envelope = MailOutcomePublisher.envelope(sent("r-1"), JSON);
        assertEquals(MailOutcomes.eventId("r-1"), envelope.id());
        assertEquals(MailOutcomePublisher.envelope(sent("r-1"), JSON).id(), envelope.id(), "a republication is a duplicate");
        assertEquals("MailOutcome", envelope.type());
        assertEquals("member@example.jp", envelope.aggregateId());
        assertEquals(FINISHED, envelope.occurredAt());
        assertEquals(MailOutcomes.toEvent(sent("r-1")), envelope.payloadAs(MailOutcome.class, JSON));
    }

    @Test
    void publishReturnsAfterTheBrokerAcknowledgedTheRecord() throws Exception {
        RecordingEmitter emitter = new RecordingEmitter(Message::ack);
        new MailOutcomePublisher(emitter, JSON).publish(sent("r-2"));

        assertEquals(1, emitter.sent.size());
        Message<String> record = emitter.sent.get(0);
        OutgoingKafkaRecordMetadata<?> metadata = record.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertEquals("member@example.jp", metadata.getKey());
        assertEquals(MailOutcomes.eventId("r-2").toString(),
                new String(metadata.getHeaders().lastHeader(EventHeaders.EVENT_ID).value()));
    }

    @Test
    void publishFailsWhenTheBrokerRefusedTheRecord() {
        IllegalStateException refused = new IllegalStateException("not enough replicas");
        RecordingEmitter emitter = new RecordingEmitter(message -> message.nack(refused));
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> new MailOutcomePublisher(emitter, JSON).publish(sent("r-3")));
        assertSame(refused, failure.getCause());
    }

    /** Hands every record to the given broker reaction at once. */
    private static final class RecordingEmitter implements Emitter<String> {
        private final Consumer<Message<String>> broker;
        private final List<Message<String>> sent = new ArrayList<>();

        RecordingEmitter(Consumer<Message<String>> broker) {
            this.broker = broker;
        }

        @Override
        public <M extends Message<? extends String>> void send(M msg) {
            @SuppressWarnings("unchecked")
            Message<String> record = (Message<String>) msg;
            sent.add(record);
            broker.accept(record);
        }

        @Override
        public CompletionStage<Void> send(String payload) {
            throw new UnsupportedOperationException("the publisher sends whole records");
        }

        @Override
        public void complete() {
        }

        @Override
        public void error(Exception e) {
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean hasRequests() {
            return true;
        }
    }
}
