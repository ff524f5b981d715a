package jp.foodtrace.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

class EventEnvelopeTest {

    @Test
    void envelopeSurvivesTheTripThroughHeaders() {
        EventEnvelope sent = EventEnvelope.of("OrderAccepted", "S001", "{\"a\":1}");
        EventEnvelope read = EventEnvelope.from("S001", sent.headers(), "{\"a\":1}");
        assertEquals(sent, read);
    }

    /** A payload record, as the events package declares them. */
    record Parcel(String code, int quantity) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void payloadRecordTravelsWithItsTypeAndReadsBack() {
        java.util.UUID id = java.util.UUID.randomUUID();
        EventEnvelope sent = EventEnvelope.forPayload(id, "S001", java.time.Instant.EPOCH, new Parcel("A", 2), JSON);
        assertEquals("Parcel", sent.type());
        EventEnvelope read = EventEnvelope.from("S001", sent.headers(), sent.payload());
        assertEquals(new Parcel("A", 2), read.payloadAs(Parcel.class, JSON));
    }

    @Test
    void payloadOfAnotherTypeIsAPermanentFailure() {
        EventEnvelope event = EventEnvelope.of("OrderAccepted", "S001", "{\"code\":\"A\",\"quantity\":1}");
        PermanentFailure e = assertThrows(PermanentFailure.class, () -> event.payloadAs(Parcel.class, JSON));
        assertTrue(e.getMessage().contains("OrderAccepted"), e.getMessage());
    }

    @Test
    void unreadableOrNullPayloadIsAPermanentFailure() {
        assertThrows(PermanentFailure.class, () -> EventEnvelope.of("Parcel", "k", "{not json").payloadAs(Parcel.class, JSON));
        assertThrows(PermanentFailure.class, () -> EventEnvelope.of("Parcel", "k", "null").payloadAs(Parcel.class, JSON));
    }

    @Test
    void messageCarriesKeyHeadersAndCompletesItsConfirmation() throws Exception {
        EventEnvelope event = EventEnvelope.of("Parcel", "S009", "{}");
        java.util.concurrent.CompletableFuture<Void> confirmed = new java.util.concurrent.CompletableFuture<>();
        Message<String> message = event.toMessage(confirmed);
        @SuppressWarnings("unchecked")
        OutgoingKafkaRecordMetadata<String> meta = message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertEquals("S009", meta.getKey());
        assertEquals(event, EventEnvelope.from(meta.getKey(), meta.getHeaders(), message.getPayload()));
        assertTrue(!confirmed.isDone());
        message.ack().toCompletableFuture().get();
        assertTrue(confirmed.isDone() && !confirmed.isCompletedExceptionally());
        java.util.concurrent.CompletableFuture<Void> refused = new java.util.concurrent.CompletableFuture<>();
        event.toMessage(refused).nack(new IllegalStateException("broker said no")).toCompletableFuture().get();
        assertTrue(refused.isCompletedExceptionally());
    }

    @Test
    void recordWithoutEventIdIsAPermanentFailure() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_TYPE, "X".getBytes(StandardCharsets.UTF_8));
        PermanentFailure failure = assertThrows(PermanentFailure.class,
                () -> EventEnvelope.from("k", headers, "{}"));
        assertTrue(failure.getMessage().contains(EventHeaders.EVENT_ID));
    }

    @Test
    void eventIdThatIsNotAUuidIsAPermanentFailure() {
        RecordHeaders headers = new RecordHeaders();
        headers.add(EventHeaders.EVENT_ID, "42".getBytes(StandardCharsets.UTF_8));
        assertThrows(PermanentFailure.class, () -> EventEnvelope.from("k", headers, "{}"));
    }

    @Test
    void everyBusinessTopicHasItsDeadLetterTopic() {
        Set<String> names = Topics.ALL.stream().map(Topic::name).collect(Collectors.toSet());
        for (Topic topic : Topics.BUSINESS) {
            assertTrue(names.contains(Topics.deadLetterOf(topic.name())), topic.name());
        }
        assertEquals(2 * Topics.BUSINESS.size(), names.size());
    }

    @Test
    void onlyMasterDataIsCompacted() {
        Set<String> compacted = Topics.ALL.stream().filter(Topic::compacted).map(Topic::name)
                .collect(Collectors.toSet());
        assertEquals(Set.of(Topics.MASTER_PRODUCTS, Topics.MASTER_STORES), compacted);
    }
}
