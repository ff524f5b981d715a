package jp.foodtrace.bounce.fact.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jp.foodtrace.bounce.analysis.BounceFact;
import jp.foodtrace.bounce.fact.Bounce;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.EventHeaders;
import jp.foodtrace.messaging.events.BounceRecorded;

/** Stored fact → BounceRecorded event and the record that carries it on mail.bounces.v1. */
class BouncePublisherTest {

    private static final BounceFact VERDICT = new BounceFact("a@example.jp", "userunknown", "5.1.1", true, "failed",
            "550", "SMTP", "550 5.1.1 unknown", "Postfix", Instant.parse("2026-11-28T05:16:00Z"), "orig@mail.foodtrace.jp",
            "");
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    @Test
    void eventCarriesTheFactIdAndAComplaintIsNoHardBounce() {
        Bounce b = Bounce.fromObject("inbound/x.eml", "etag1", VERDICT);
        BounceRecorded event = BouncePublisher.toEvent(b);
        assertEquals(b.id().toString(), event.bounceId());
        assertEquals("a@example.jp", event.recipient());
        assertTrue(event.hardBounce());
        assertEquals("orig@mail.foodtrace.jp", event.originalMessageId());
        assertEquals(VERDICT.timestamp(), event.at());

        BounceFact complaint = new BounceFact("c@example.jp", "feedback", "", null, "", "", "", "spam", "Feedback-Loop",
                null, "", "abuse");
        BounceRecorded complained = BouncePublisher.toEvent(Bounce.fromObject("inbound/y.eml", "e", complaint));
        assertFalse(complained.hardBounce());
        assertEquals("abuse", complained.feedbackType());
        assertNotNull(complained.at(), "a report without a date is dated when recorded");
    }

    @Test
    void recordIsKeyedByRecipientWithTheFactIdAsEventIdAndReadsBackAsTheEvent() {
        Bounce b = Bounce.fromObject("inbound/x.eml", "etag1", VERDICT);
        Instant now = Instant.parse("2026-11-29T10:00:00Z");
        EventEnvelope envelope = BouncePublisher.envelope(b, now, JSON);
        assertEquals(b.id(), envelope.id());
        assertEquals("BounceRecorded", envelope.type());
        assertEquals("a@example.jp", envelope.aggregateId());
        assertEquals(now, envelope.occurredAt());
        assertEquals(BouncePublisher.toEvent(b), envelope.payloadAs(BounceRecorded.class, JSON));

        Message<String> message = envelope.toMessage();
        @SuppressWarnings("unchecked")
        OutgoingKafkaRecordMetadata<String> metadata = message.getMetadata(OutgoingKafkaRecordMetadata.class).orElseThrow();
        assertEquals("a@example.jp", metadata.getKey());
        assertEquals(b.id().toString(), new String(metadata.getHeaders().lastHeader(EventHeaders.EVENT_ID).value(),
                StandardCharsets.UTF_8));
        assertEquals(envelope.payload(), message.getPayload());
    }
}
