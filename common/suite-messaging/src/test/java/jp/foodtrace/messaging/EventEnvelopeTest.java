package jp.foodtrace.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

class EventEnvelopeTest {

    @Test
    void envelopeSurvivesTheTripThroughHeaders() {
        EventEnvelope sent = EventEnvelope.of("OrderAccepted", "S001", "{\"a\":1}");
        EventEnvelope read = EventEnvelope.from("S001", sent.headers(), "{\"a\":1}");
        assertEquals(sent, read);
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
