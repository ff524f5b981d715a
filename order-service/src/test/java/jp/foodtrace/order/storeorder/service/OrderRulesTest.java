package jp.foodtrace.order.storeorder.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jp.foodtrace.messaging.events.OrderLine;
import jp.foodtrace.messaging.events.OrderStatusChanged.LineRejection;
import jp.foodtrace.messaging.events.TerminalOrderSubmitted;

class OrderRulesTest {

    private static final String MILK = "4901234567894";
    private final OrderRules rules = new OrderRules(ZoneId.of("Asia/Tokyo"), LocalTime.of(10, 0), 1, 14);
    private final Map<String, OrderRules.ProductRule> products = Map.of(MILK, new OrderRules.ProductRule(true, 1, 50));

    private static TerminalOrderSubmitted order(String receivedAt, String deliveryDate, int quantity) {
        return new TerminalOrderSubmitted("r", "T1", "S1", 1, LocalDate.parse(deliveryDate), Instant.parse(receivedAt),
                List.of(new OrderLine(1, MILK, quantity, "CS")));
    }

    @Test
    void orderBeforeTheCutOffOfTheDayBeforeIsAccepted() {
        // 09:59 JST on 14 January is 00:59 UTC.
        assertTrue(rules.check(order("2030-01-14T00:59:00Z", "2030-01-15", 5), new OrderRules.StoreRule(null), products)
                .isEmpty());
    }

    @Test
    void orderAtOrAfterTheCutOffIsRejectedAsLate() {
        List<LineRejection> late = rules.check(order("2030-01-14T01:00:00Z", "2030-01-15", 5),
                new OrderRules.StoreRule(null), products);
        assertEquals("after-cut-off", late.get(0).code());
        assertEquals(0, late.get(0).lineNo());
    }

    @Test
    void storeCutOffTimeOverridesTheDefault() {
        // The store closes at 12:00 JST (03:00 UTC): 11:00 JST is still in time.
        assertTrue(rules.check(order("2030-01-14T02:00:00Z", "2030-01-15", 5),
                new OrderRules.StoreRule(LocalTime.NOON), products).isEmpty());
    }

    @Test
    void quantityOutsideTheProductBoundsRejectsThatLine() {
        List<LineRejection> r = rules.check(order("2030-01-10T00:00:00Z", "2030-01-15", 51),
                new OrderRules.StoreRule(null), products);
        assertEquals(List.of("quantity-out-of-range"), r.stream().map(LineRejection::code).toList());
        assertEquals(1, r.get(0).lineNo());
    }

    @Test
    void unknownStoreAndUnknownItemAreRejected() {
        assertEquals("unknown-store", rules.check(order("2030-01-10T00:00:00Z", "2030-01-15", 1), null, products)
                .get(0).code());
        assertEquals("unknown-item", rules.check(order("2030-01-10T00:00:00Z", "2030-01-15", 1),
                new OrderRules.StoreRule(null), Map.of()).get(0).code());
    }

    @Test
    void notOrderableItemAndFarDeliveryDateAreRejected() {
        List<LineRejection> r = rules.check(order("2030-01-01T00:00:00Z", "2030-01-20", 1),
                new OrderRules.StoreRule(null), Map.of(MILK, new OrderRules.ProductRule(false, 1, 50)));
        assertEquals(List.of("delivery-date-too-far", "not-orderable"), r.stream().map(LineRejection::code).toList());
    }
}
