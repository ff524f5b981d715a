package jp.foodtrace.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
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

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
