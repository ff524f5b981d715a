package jp.foodtrace.sync.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.foodtrace.messaging.EventHeaders;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.messaging.events.LotRecorded;
import jp.foodtrace.sync.SyncApi;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "sync-service"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class OutboxRelayTest {

    @Inject
    Outbox outbox;

    @Test
    void eventLeftInTheOutboxIsPublishedByTheRelayTimerWithItsEventId() {
        // What a request leaves behind when Kafka did not confirm in time: a committed outbox row
        // that nobody waited for.
        String lot = "RELAY-" + UUID.randomUUID();
        UUID eventId = QuarkusTransaction.requiringNew().call(() -> outbox.add(Topics.LOTS, lot,
                new LotRecorded(lot, "4901234567894", "P", Instant.parse("2026-12-01T00:00:00Z"), null, 1, List.of())));

        List<ConsumerRecord<String, String>> records = SyncApi.readUntil(Topics.LOTS,
                rs -> rs.stream().anyMatch(r -> lot.equals(r.key())));
        ConsumerRecord<String, String> record = records.stream().filter(r -> lot.equals(r.key())).findFirst()
                .orElseThrow(() -> new AssertionError("the relay did not publish the pending event"));
        assertEquals(eventId.toString(), TestEvents.header(record, EventHeaders.EVENT_ID));
        assertEquals("LotRecorded", TestEvents.header(record, EventHeaders.EVENT_TYPE));
        SyncApi.await("outbox row marked published", () -> outbox.unpublished(List.of(eventId)) == 0);
    }
}
