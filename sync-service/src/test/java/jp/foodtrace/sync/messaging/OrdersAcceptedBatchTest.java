package jp.foodtrace.sync.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.Inbox;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.sync.SyncApi;
import jp.foodtrace.sync.feed.FeedOrder;
import jp.foodtrace.sync.feed.repository.FeedRepository;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

/**
 * Accepted orders taken a poll at a time: the batch method is called with the records of one poll,
 * as the connector calls it, against the real database and broker.
 */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "sync-service"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class OrdersAcceptedBatchTest {

    private static final AtomicLong OFFSETS = new AtomicLong(1_000_000);

    @Inject
    InboundEvents inbound;

    @Inject
    FeedRepository feed;

    @Inject
    MeterRegistry meters;

    @Inject
    Inbox inbox;

    @Test
    void malformedRecordInABatchIsDeadLetteredAndTheOthersAppendedInOrder() {
        String a = "batch-" + UUID.randomUUID();
        String b = "batch-" + UUID.randomUUID();
        String badKey = "no-lines-" + UUID.randomUUID();
        EventEnvelope bad = EventEnvelope.of("OrderAccepted", badKey, "{\"orderId\":\"" + badKey
                + "\",\"storeCode\":\"S9\",\"deliveryDate\":\"2026-12-01\",\"acceptedAt\":\"2026-11-30T00:00:00Z\"}");
        ConsumerRecord<String, String> badRecord = record(bad);
        long start = feed.lastPosition();
        double processed = consumed("processed");
        double deadLettered = consumed("dead-lettered");

        inbound.onOrdersAccepted(TestEvents.poll(List.of(record(accepted(a, 1)), badRecord, record(accepted(b, 2)))));

        List<FeedOrder> appended = ours(start, Set.of(a, b, badKey));
        assertEquals(List.of(a, b), appended.stream().map(FeedOrder::orderId).toList());
        assertTrue(appended.get(0).position() < appended.get(1).position());
        assertEquals(List.of(1, 2), appended.get(0).lines().stream().map(FeedOrder.Line::lineNo).toList());
        assertEquals("ケース", appended.get(0).lines().get(0).unit());
        ConsumerRecord<String, String> dead = TestEvents.onTestPlatform()
                .awaitKey(Topics.deadLetterOf(Topics.ORDERS_ACCEPTED), badKey, Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("nothing arrived on the dead-letter topic"));
        assertTrue(TestEvents.header(dead, "dead-letter-reason").contains("lacks orderId"),
                TestEvents.header(dead, "dead-letter-reason"));
        assertEquals(Topics.ORDERS_ACCEPTED, TestEvents.header(dead, "dead-letter-topic"));
        assertEquals(Long.toString(badRecord.offset()), TestEvents.header(dead, "dead-letter-offset"));
        assertEquals(bad.payload(), dead.value());
        assertFalse(inbox.seen(bad.id()), "a dead-lettered event must not be marked processed");
        assertEquals(processed + 2, consumed("processed"));
        assertEquals(deadLettered + 1, consumed("dead-lettered"));
    }

    @Test
    void sameOrderTwiceInOneBatchIsAppendedOnce() {
        String a = "twice-" + UUID.randomUUID();
        String b = "twice-" + UUID.randomUUID();
        long start = feed.lastPosition();
        double present = counter("suite.sync_service.feed.orders", "outcome", "already-present");

        // Same order under two event ids (a producer retry after a lost ack), in one poll.
        inbound.onOrdersAccepted(
                TestEvents.poll(List.of(record(accepted(a, 1)), record(accepted(a, 1)), record(accepted(b, 2)))));

        assertEquals(List.of(a, b), ours(start, Set.of(a, b)).stream().map(FeedOrder::orderId).toList());
        assertEquals(present + 1, counter("suite.sync_service.feed.orders", "outcome", "already-present"));
    }

    @Test
    void redeliveredBatchAddsNothing() {
        String a = "again-" + UUID.randomUUID();
        List<ConsumerRecord<String, String>> batch = List.of(record(accepted(a, 1)));
        long start = feed.lastPosition();
        inbound.onOrdersAccepted(TestEvents.poll(batch));
        double duplicates = consumed("duplicate");

        inbound.onOrdersAccepted(TestEvents.poll(batch));

        assertEquals(1, ours(start, Set.of(a)).size());
        assertEquals(duplicates + 1, consumed("duplicate"));
    }

    private List<FeedOrder> ours(long after, Set<String> orderIds) {
        return feed.page(after, 1000).stream().filter(o -> orderIds.contains(o.orderId())).toList();
    }

    private static EventEnvelope accepted(String orderId, long sequence) {
        return EventEnvelope.of("OrderAccepted", "S200", SyncApi.orderAcceptedJson(orderId, "S200", sequence));
    }

    private static ConsumerRecord<String, String> record(EventEnvelope event) {
        return new ConsumerRecord<>(Topics.ORDERS_ACCEPTED, 0, OFFSETS.getAndIncrement(), 0L, TimestampType.CREATE_TIME,
                -1, -1, event.aggregateId(), event.payload(), event.headers(), Optional.empty());
    }

    private double consumed(String outcome) {
        return counter("suite.sync_service.events.consumed", "topic", Topics.ORDERS_ACCEPTED, "outcome", outcome);
    }

    private double counter(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
