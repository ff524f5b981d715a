package jp.foodtrace.order.storeorder.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.PermanentFailure;
import jp.foodtrace.messaging.events.OrderAccepted;
import jp.foodtrace.messaging.events.OrderLine;
import jp.foodtrace.messaging.events.OrderStatusChanged;
import jp.foodtrace.messaging.events.OrderStatusChanged.LineRejection;
import jp.foodtrace.order.storeorder.StoreOrder;
import jp.foodtrace.order.storeorder.StoreOrderLine;

class OrderEventPublisherTest {

    private static final Instant DECIDED = Instant.parse("2030-01-14T00:30:00Z");
    private final ObjectMapper json = JsonMapper.builder().findAndAddModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();

    private static StoreOrder order(String status) {
        StoreOrder order = new StoreOrder();
        order.orderId = StoreOrder.idFor("T0001", 42);
        order.receiptId = UUID.fromString("00000000-0000-0000-0000-000000000042");
        order.terminalId = "T0001";
        order.sequence = 42;
        order.storeCode = "S001";
        order.deliveryDate = LocalDate.parse("2030-01-15");
        order.receivedAt = DECIDED.minusSeconds(5);
        order.decidedAt = DECIDED;
        order.status = status;
        StoreOrderLine line = new StoreOrderLine();
        line.order = order;
        line.lineNo = 1;
        line.itemCode = "4901234567894";
        line.quantity = 4;
        line.unit = "CS";
        order.lines.add(line);
        return order;
    }

    @Test
    void statusEventOfARerunHasTheSameIdSoDownstreamInboxesDropIt() {
        EventEnvelope first = OrderEventPublisher.statusEvent(order("ACCEPTED"), List.of(), DECIDED, json);
        EventEnvelope rerun = OrderEventPublisher.statusEvent(order("ACCEPTED"), List.of(), DECIDED.plusSeconds(30), json);
        assertEquals(first.id(), rerun.id());
        assertEquals(DECIDED.plusSeconds(30), rerun.occurredAt());
    }

    @Test
    void eachStatusOfAnOrderAndItsAcceptanceAreDistinctEvents() {
        UUID accepted = OrderEventPublisher.statusEvent(order("ACCEPTED"), List.of(), DECIDED, json).id();
        UUID shipped = OrderEventPublisher.statusEvent(order("SHIPPED"), List.of(), DECIDED, json).id();
        UUID forHq = OrderEventPublisher.acceptedEvent(order("ACCEPTED"), json).id();
        assertNotEquals(accepted, shipped);
        assertNotEquals(accepted, forHq);
        assertNotEquals(shipped, forHq);
        assertEquals(forHq, OrderEventPublisher.acceptedEvent(order("ACCEPTED"), json).id());
    }

    @Test
    void statusEventIsKeyedByStoreAndReadsBackWithItsRejections() {
        List<LineRejection> rejections = List.of(new LineRejection(1, "quantity-out-of-range", "quantity 99 is outside 1-50"));
        EventEnvelope event = OrderEventPublisher.statusEvent(order("REJECTED"), rejections, DECIDED, json);

        assertEquals("OrderStatusChanged", event.type());
        assertEquals("S001", event.aggregateId());
        OrderStatusChanged read = event.payloadAs(OrderStatusChanged.class, json);
        assertEquals("REJECTED", read.status());
        assertEquals("00000000-0000-0000-0000-000000000042", read.receiptId());
        assertEquals(rejections, read.rejections());
        assertEquals(DECIDED, read.at());
    }

    @Test
    void acceptedEventCarriesTheLinesForHqAndIsNoStatusEvent() {
        EventEnvelope event = OrderEventPublisher.acceptedEvent(order("ACCEPTED"), json);

        assertEquals("OrderAccepted", event.type());
        assertEquals("S001", event.aggregateId());
        assertEquals(DECIDED, event.occurredAt());
        OrderAccepted read = event.payloadAs(OrderAccepted.class, json);
        assertEquals(List.of(new OrderLine(1, "4901234567894", 4, "CS")), read.lines());
        assertEquals(42, read.sequence());
        assertThrows(PermanentFailure.class, () -> event.payloadAs(OrderStatusChanged.class, json));
    }
}
