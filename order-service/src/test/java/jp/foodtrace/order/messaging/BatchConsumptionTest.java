package jp.foodtrace.order.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.Inbox;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.order.master.Product;
import jp.foodtrace.order.master.Store;
import jp.foodtrace.order.storeorder.StoreOrder;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;

/**
 * Terminal orders and shipments taken a poll at a time: the batch methods are called with the
 * records of one poll, as the connector calls them, against the real database and broker.
 */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "order-service"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class BatchConsumptionTest {

    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final AtomicLong OFFSETS = new AtomicLong(1_000_000);

    @Inject
    InboundEvents inbound;

    @Inject
    MeterRegistry meters;

    @Inject
    Inbox inbox;

    private final TestEvents events = TestEvents.onTestPlatform();

    /** A store and an item of its own for each test, stored directly. */
    private record Shop(String store, String item) {

        String terminal() {
            return "T-" + store;
        }
    }

    @Test
    void malformedRecordInABatchGoesToTheDeadLetterTopicAndTheOthersAreDecided() {
        Shop shop = shop();
        String badKey = "BAD-" + UUID.randomUUID();
        EventEnvelope bad = EventEnvelope.of("TerminalOrderSubmitted", badKey, "{\"receiptId\": [not json");
        ConsumerRecord<String, String> badRecord = record(bad);
        double processed = consumed("processed");
        double deadLettered = consumed("dead-lettered");
        double deadLetters = counter("suite.dead-letters", "topic", Topics.TERMINAL_ORDERS);

        inbound.onTerminalOrders(
                TestEvents.poll(List.of(record(order(shop, 1, 1)), badRecord, record(order(shop, 2, 1)))));

        assertEquals("ACCEPTED", status(shop, 1));
        assertEquals("ACCEPTED", status(shop, 2));
        ConsumerRecord<String, String> dead = events.awaitKey(Topics.deadLetterOf(Topics.TERMINAL_ORDERS), badKey,
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("nothing arrived on the dead-letter topic"));
        assertEquals(bad.payload(), dead.value());
        assertTrue(TestEvents.header(dead, "dead-letter-reason").contains("payload is not a TerminalOrderSubmitted"),
                TestEvents.header(dead, "dead-letter-reason"));
        assertNotNull(TestEvents.header(dead, "dead-letter-cause"));
        assertEquals(Topics.TERMINAL_ORDERS, TestEvents.header(dead, "dead-letter-topic"));
        assertEquals("0", TestEvents.header(dead, "dead-letter-partition"));
        assertEquals(Long.toString(badRecord.offset()), TestEvents.header(dead, "dead-letter-offset"));
        assertEquals(bad.id().toString(), TestEvents.header(dead, "event-id"));
        assertFalse(inbox.seen(bad.id()), "a dead-lettered event must not be marked processed");
        assertEquals(processed + 2, consumed("processed"));
        assertEquals(deadLettered + 1, consumed("dead-lettered"));
        assertEquals(deadLetters + 1, counter("suite.dead-letters", "topic", Topics.TERMINAL_ORDERS));
    }

    @Test
    void orderTheDatabaseRefusesIsDeadLetteredWithoutEventsAndTheBatchIsCountedOnce() {
        Shop shop = shop();
        EventEnvelope first = order(shop, 1, 1);
        // Two lines numbered 1: the database refuses the order (one line number per order).
        EventEnvelope refused = order(shop, 2, 1, 1);
        EventEnvelope last = order(shop, 3, 1);
        double accepted = counter("suite.order_service.orders", "outcome", "accepted");
        double processed = consumed("processed");

        inbound.onTerminalOrders(TestEvents.poll(List.of(record(first), record(refused), record(last))));

        assertEquals("ACCEPTED", status(shop, 1));
        assertNull(status(shop, 2));
        assertEquals("ACCEPTED", status(shop, 3));
        ConsumerRecord<String, String> dead = events.awaitKey(Topics.deadLetterOf(Topics.TERMINAL_ORDERS), shop.store(),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("nothing arrived on the dead-letter topic"));
        assertEquals(refused.id().toString(), TestEvents.header(dead, "event-id"));
        // The database's own word, kept by the data-access failure, is what made it permanent.
        assertTrue(TestEvents.header(dead, "dead-letter-reason").contains("SQLState 23505"),
                TestEvents.header(dead, "dead-letter-reason"));
        // The batch was rolled back before it sent anything; the records one by one sent their own.
        List<ConsumerRecord<String, String>> status = events.read(Topics.ORDERS_STATUS, Integer.MAX_VALUE,
                Duration.ofSeconds(3));
        assertEquals(1, mentioning(status, receipt(first)));
        assertEquals(0, mentioning(status, receipt(refused)));
        assertEquals(1, mentioning(status, receipt(last)));
        assertEquals(accepted + 2, counter("suite.order_service.orders", "outcome", "accepted"));
        assertEquals(processed + 2, consumed("processed"));
    }

    @Test
    void sameTerminalSequenceTwiceInOneBatchGivesOneOrder() {
        Shop shop = shop();
        EventEnvelope first = order(shop, 7, 1);
        EventEnvelope resent = order(shop, 7, 1);
        double duplicates = counter("suite.order_service.orders", "outcome", "duplicate-submission");

        inbound.onTerminalOrders(TestEvents.poll(List.of(record(first), record(resent))));

        UUID orderId = StoreOrder.idFor(shop.terminal(), 7);
        StoreOrder order = QuarkusTransaction.requiringNew().call(() -> StoreOrder.findById(orderId));
        assertEquals(receipt(first), order.receiptId.toString());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> StoreOrder.count("storeCode", shop.store())));
        assertEquals(1, mentioning(events.read(Topics.ORDERS_ACCEPTED, Integer.MAX_VALUE, Duration.ofSeconds(3)),
                orderId.toString()));
        assertEquals(duplicates + 1, counter("suite.order_service.orders", "outcome", "duplicate-submission"));
    }

    @Test
    void orderWithFiftyLinesIsStoredWithEveryLineAndItsHistory() {
        Shop shop = shop();
        EventEnvelope order = order(shop, 1, IntStream.rangeClosed(1, 50).toArray());

        inbound.onTerminalOrders(TestEvents.poll(List.of(record(order))));

        UUID orderId = StoreOrder.idFor(shop.terminal(), 1);
        List<Integer> lines = QuarkusTransaction.requiringNew().call(() -> StoreOrder.<StoreOrder>findById(orderId).lines
                .stream().map(l -> l.lineNo).toList());
        assertEquals(IntStream.rangeClosed(1, 50).boxed().toList(), lines);
        assertEquals(List.of("ACCEPTED"), QuarkusTransaction.requiringNew().call(
                () -> StoreOrder.<StoreOrder>findById(orderId).history.stream().map(h -> h.status).toList()));
    }

    @Test
    void twoShipmentsOfOneOrderInOneBatchShipItOnce() {
        Shop shop = shop();
        EventEnvelope order = order(shop, 1, 1);
        inbound.onTerminalOrders(TestEvents.poll(List.of(record(order))));
        UUID orderId = StoreOrder.idFor(shop.terminal(), 1);
        double shipped = counter("suite.order_service.orders", "outcome", "shipped");

        inbound.onShipments(TestEvents.poll(List.of(record(Topics.SHIPMENTS, shipment(shop, "SH1-" + shop.store(), orderId)),
                record(Topics.SHIPMENTS, shipment(shop, "SH2-" + shop.store(), orderId)))));

        StoreOrder stored = QuarkusTransaction.requiringNew().call(() -> StoreOrder.findById(orderId));
        assertEquals("SHIPPED", stored.status);
        assertEquals("SH1-" + shop.store(), stored.shipmentId);
        assertEquals(1, events.read(Topics.ORDERS_STATUS, Integer.MAX_VALUE, Duration.ofSeconds(3)).stream()
                .filter(r -> r.value().contains(receipt(order)) && r.value().contains("\"status\":\"SHIPPED\"")).count());
        assertEquals(shipped + 1, counter("suite.order_service.orders", "outcome", "shipped"));
    }

    private static EventEnvelope shipment(Shop shop, String shipmentId, UUID orderId) {
        return EventEnvelope.of("ShipmentRecorded", shop.store(), "{\"shipmentId\":\"" + shipmentId + "\",\"storeCode\":\""
                + shop.store() + "\",\"shippedAt\":\"2030-01-01T00:00:00Z\",\"orderIds\":[\"" + orderId
                + "\"],\"lines\":[{\"itemCode\":\"" + shop.item() + "\",\"lotNumber\":\"L1\",\"quantity\":2}]}");
    }

    private Shop shop() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Shop shop = new Shop("B" + suffix, "48" + String.format("%011d", Math.floorMod(suffix.hashCode(), 100_000_000_000L)));
        QuarkusTransaction.requiringNew().run(() -> {
            Store store = new Store();
            store.storeCode = shop.store();
            store.name = "テスト店";
            store.cutOffTime = LocalTime.of(10, 0);
            store.version = 1;
            store.persist();
            Product product = new Product();
            product.itemCode = shop.item();
            product.name = "豆腐";
            product.unit = "CS";
            product.orderable = true;
            product.minQuantity = 1;
            product.maxQuantity = 20;
            product.version = 1;
            product.persist();
        });
        return shop;
    }

    /** A submission of the shop's terminal, for delivery in two days, with one line per line number given. */
    private static EventEnvelope order(Shop shop, long sequence, int... lineNos) {
        String lines = IntStream.of(lineNos).mapToObj(n -> "{\"lineNo\":" + n + ",\"itemCode\":\"" + shop.item()
                + "\",\"quantity\":2,\"unit\":\"CS\"}").collect(Collectors.joining(","));
        return EventEnvelope.of("TerminalOrderSubmitted", shop.store(), "{\"receiptId\":\"" + UUID.randomUUID()
                + "\",\"terminalId\":\"" + shop.terminal() + "\",\"storeCode\":\"" + shop.store() + "\",\"sequence\":"
                + sequence + ",\"deliveryDate\":\"" + LocalDate.now(JAPAN).plusDays(2) + "\",\"receivedAt\":\""
                + Instant.now() + "\",\"lines\":[" + lines + "]}");
    }

    /** The receipt id, the first field of the payload {@link #order} writes. */
    private static String receipt(EventEnvelope order) {
        return order.payload().split("\"")[3];
    }

    private static ConsumerRecord<String, String> record(EventEnvelope event) {
        return record(Topics.TERMINAL_ORDERS, event);
    }

    private static ConsumerRecord<String, String> record(String topic, EventEnvelope event) {
        Headers headers = event.headers();
        return new ConsumerRecord<>(topic, 0, OFFSETS.getAndIncrement(), 0L, TimestampType.CREATE_TIME, -1, -1,
                event.aggregateId(), event.payload(), headers, Optional.empty());
    }

    private static String status(Shop shop, long sequence) {
        return QuarkusTransaction.requiringNew().call(() -> StoreOrder.<StoreOrder>findByIdOptional(
                StoreOrder.idFor(shop.terminal(), sequence)).map(o -> o.status).orElse(null));
    }

    private static long mentioning(List<ConsumerRecord<String, String>> records, String text) {
        return records.stream().filter(r -> r.value().contains(text)).count();
    }

    private double consumed(String outcome) {
        return counter("suite.order_service.events.consumed", "topic", Topics.TERMINAL_ORDERS, "outcome", outcome);
    }

    private double counter(String name, String... tags) {
        Counter counter = meters.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }
}
