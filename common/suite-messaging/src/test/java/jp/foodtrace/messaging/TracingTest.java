package jp.foodtrace.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.SpanContext;

class TracingTest {

    private static final String VALID = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void readsAndWritesTheW3cForm() {
        SpanContext context = Tracing.parse(VALID).orElseThrow();
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", context.getTraceId());
        assertEquals("00f067aa0ba902b7", context.getSpanId());
        assertTrue(context.isSampled());
        assertTrue(context.isRemote());
        assertEquals(VALID, Tracing.format(context));
        assertEquals("00", Tracing.format(Tracing.parse(VALID.replace("-01", "-00")).orElseThrow()).substring(53));
    }

    @Test
    void laterVersionsAreReadByTheirFirstFields() {
        assertEquals("00f067aa0ba902b7", Tracing.parse("cc" + VALID.substring(2) + "-what-the-future-holds")
                .orElseThrow().getSpanId());
        assertEquals(Optional.empty(), Tracing.parse("cc" + VALID.substring(2) + "x"));
    }

    @Test
    void rejectsWhatTheRecommendationRejects() {
        for (String bad : new String[] { null, "", "garbage", VALID + "-", VALID.toUpperCase(),
                "ff" + VALID.substring(2), "00-00000000000000000000000000000000-00f067aa0ba902b7-01",
                "00-4bf92f3577b34da6a3ce929d0e0e4736-0000000000000000-01", VALID.replace('-', '_'),
                "00-4bf92f3577b34da6a3ce929d0e0e473g-00f067aa0ba902b7-01" }) {
            assertEquals(Optional.empty(), Tracing.parse(bad), String.valueOf(bad));
        }
    }

    @Test
    void theEnvelopeCarriesTheHeaderBothWays() {
        EventEnvelope event = EventEnvelope.of("OrderAccepted", "S001", "{}").withTraceparent(Optional.of(VALID));
        RecordHeaders headers = new RecordHeaders(event.headers().toArray());
        assertEquals(Optional.of(VALID), EventEnvelope.from("S001", headers, "{}").traceparent());
        assertEquals(Optional.empty(), EventEnvelope.of("OrderAccepted", "S001", "{}").traceparent(),
                "no current span, no header");
    }
}
