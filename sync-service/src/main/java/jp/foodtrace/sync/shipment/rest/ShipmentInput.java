package jp.foodtrace.sync.shipment.rest;

import java.time.Instant;
import java.util.List;

/**
 * One shipment of an upload. CSV: one row per line, consecutive rows with the same shipment id
 * form one shipment; columns shipment_id,store_code,shipped_at,order_ids (separated by ';'),
 * item_code,lot_number,quantity.
 */
public record ShipmentInput(String shipmentId, String storeCode, Instant shippedAt, List<String> orderIds,
        List<Line> lines) {

    public record Line(String itemCode, String lotNumber, Long quantity) {
    }
}
