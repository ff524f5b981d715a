package jp.foodtrace.order.config;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Ordering rules of the order service. */
@ConfigMapping(prefix = "suite.orders")
public interface OrderConfig {

    /** Time zone of store cut-off times. */
    @WithDefault("Asia/Tokyo")
    ZoneId zone();

    /** Cut-off for stores whose master data has none: orders for day D close at this time on D - lead days. */
    @WithDefault("10:00")
    LocalTime defaultCutOff();

    /** Days between the cut-off day and the delivery day. */
    @WithDefault("1")
    int leadDays();

    /** How far ahead a delivery date may be, in days after the order arrived. */
    @WithDefault("14")
    int maxDaysAhead();

    /** How long to wait for Kafka to confirm the status and accepted-order events of one transaction (a poll). */
    @WithDefault("10s")
    Duration publishTimeout();
}
