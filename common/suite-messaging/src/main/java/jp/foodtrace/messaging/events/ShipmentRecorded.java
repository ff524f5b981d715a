package jp.foodtrace.messaging.events;

import java.time.Instant;
import java.util.List;

/**
 * {@code shipments.v1}, key store code: a shipment from HQ to a store (an EPCIS shipping event),
 * with the orders it fulfils where known and the lots it carried.
 */
public record ShipmentRecorded(String shipmentId, String storeCode, Instant shippedAt, List<String> orderIds,
        List<Line> lines) {

    public record Line(String itemCode, String lotNumber, long quantity) {
    }
}
