package jp.foodtrace.gateway.order;

import java.util.List;

import jp.foodtrace.messaging.events.OrderStatusChanged;

/**
 * What the gateway keeps of an order's latest {@code OrderStatusChanged} beside the status itself
 * (stored as JSON with the submission), for the terminal's status query.
 */
public record StatusDetail(String orderId, List<OrderStatusChanged.LineRejection> rejections, String shipmentId) {
}
