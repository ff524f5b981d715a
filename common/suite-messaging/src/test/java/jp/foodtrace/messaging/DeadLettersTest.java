package jp.foodtrace.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class DeadLettersTest {

    @Test
    void headersCarryReasonCauseOriginAndTheOriginalHeaders() {
        EventEnvelope event = EventEnvelope.of("OrderAccepted", "S001", "{}");
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.ORDERS_ACCEPTED, 3, 42L, 0L,
                TimestampType.CREATE_TIME, -1, -1, "S001", "{}", event.headers(), Optional.empty());

        Headers headers = DeadLetters.headers(record,
                new PermanentFailure("not a valid OrderAccepted", new IllegalArgumentException("bad json")));

        assertEquals(PermanentFailure.class.getName(), text(headers, DeadLetters.EXCEPTION_CLASS_NAME));
        assertEquals("not a valid OrderAccepted", text(headers, DeadLetters.REASON));
        assertEquals(IllegalArgumentException.class.getName(), text(headers, DeadLetters.CAUSE_CLASS_NAME));
        assertEquals("bad json", text(headers, DeadLetters.CAUSE));
        assertEquals(Topics.ORDERS_ACCEPTED, text(headers, DeadLetters.TOPIC));
        assertEquals("3", text(headers, DeadLetters.PARTITION));
        assertEquals("42", text(headers, DeadLetters.OFFSET));
        assertEquals(event.id().toString(), text(headers, EventHeaders.EVENT_ID));
        assertEquals("OrderAccepted", text(headers, EventHeaders.EVENT_TYPE));
    }

    @Test
    void failureWithoutCauseOrMessageStillHasAReason() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.ORDERS_ACCEPTED, 0, 0L, "k", "v");

        Headers headers = DeadLetters.headers(record, new NullPointerException());

        assertEquals("java.lang.NullPointerException", text(headers, DeadLetters.REASON));
        assertNull(headers.lastHeader(DeadLetters.CAUSE));
    }

    @Test
    void producerConnectsLikeTheChannelButWritesWithItsOwnGuarantees() {
        Map<String, Object> channel = Map.of(
                "bootstrap.servers", "b-1.msk:9096",
                "security.protocol", "SASL_SSL",
                "sasl.mechanism", "SCRAM-SHA-512",
                "sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required;",
                "group.id", "order-service",
                "max.poll.records", "500",
                "acks", "1",
                "value.serializer", "x.Y");

        Map<String, Object> producer = DeadLetters.producerSettings(channel, "order-service-dead-letters");

        assertEquals("b-1.msk:9096", producer.get("bootstrap.servers"));
        assertEquals("SASL_SSL", producer.get("security.protocol"));
        assertEquals("SCRAM-SHA-512", producer.get("sasl.mechanism"));
        assertEquals("org.apache.kafka.common.security.scram.ScramLoginModule required;", producer.get("sasl.jaas.config"));
        assertFalse(producer.containsKey("group.id"));
        assertFalse(producer.containsKey("max.poll.records"));
        assertEquals("all", producer.get("acks"));
        assertEquals(true, producer.get("enable.idempotence"));
        assertEquals(StringSerializer.class.getName(), producer.get("value.serializer"));
        assertEquals("order-service-dead-letters", producer.get("client.id"));
    }

    @Test
    void longReasonsAreClippedSoTheDeadLetterStillFitsTheTopic() {
        ConsumerRecord<String, String> record = new ConsumerRecord<>(Topics.ORDERS_ACCEPTED, 0, 0L, "k", "v");

        Headers headers = DeadLetters.headers(record, new PermanentFailure("x".repeat(100_000)));

        assertTrue(text(headers, DeadLetters.REASON).length() < 5000);
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
