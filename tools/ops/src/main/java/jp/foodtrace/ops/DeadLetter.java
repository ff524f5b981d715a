package jp.foodtrace.ops;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import jp.foodtrace.messaging.DeadLetters;
import jp.foodtrace.messaging.EventHeaders;

/**
 * One record of a {@code <topic>.dlq} topic as the failing consumer wrote it: the original key,
 * value and headers, plus the {@code dead-letter-*} headers of {@link DeadLetters}. Key and value
 * stay bytes so that a replay republishes exactly what was received.
 */
public record DeadLetter(String dlqTopic, int partition, long offset, Instant deadLetteredAt, byte[] key, byte[] value,
        Headers headers) {

    /** Prefix shared by every header the dead-lettering adds; none of them goes back to the source topic. */
    static final String DEAD_LETTER_HEADER_PREFIX = "dead-letter-";

    static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        return new DeadLetter(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), record.key(), record.value(), record.headers());
    }

    public Optional<String> eventId() {
        return header(EventHeaders.EVENT_ID);
    }

    public Optional<String> reason() {
        return header(DeadLetters.REASON);
    }

    /** The topic the record was read from when it failed, as the dead-letter header names it. */
    public Optional<String> sourceTopic() {
        return header(DeadLetters.TOPIC);
    }

    public String keyText() {
        return key == null ? "-" : new String(key, StandardCharsets.UTF_8);
    }

    Optional<String> header(String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? Optional.empty()
                : Optional.of(new String(header.value(), StandardCharsets.UTF_8));
    }

    static boolean isDeadLetterHeader(String name) {
        return name.startsWith(DEAD_LETTER_HEADER_PREFIX);
    }
}
