package jp.foodtrace.sync.feed;

import java.util.Optional;

import jp.foodtrace.messaging.events.OrderAccepted;

/**
 * An accepted order as read from its record, with the trace it is handled in here (the consumer
 * span of its record, a child of the terminal's request), which the feed shows HQ with the order.
 */
public record AcceptedOrder(OrderAccepted order, Optional<String> traceparent) {
}
