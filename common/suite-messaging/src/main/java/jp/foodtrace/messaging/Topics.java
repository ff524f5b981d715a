package jp.foodtrace.messaging;

import java.util.List;
import java.util.stream.Stream;

/**
 * Every Kafka topic of the suite, declared once. Channel configuration in the services and the
 * topic set-up of the local platform and the tests all refer to these constants.
 */
public final class Topics {

    public static final String TERMINAL_ORDERS = "terminal.orders.v1";
    public static final String ORDERS_STATUS = "orders.status.v1";
    public static final String ORDERS_ACCEPTED = "orders.accepted.v1";
    public static final String MASTER_PRODUCTS = "master.products.v1";
    public static final String MASTER_STORES = "master.stores.v1";
    public static final String SHIPMENTS = "shipments.v1";
    public static final String LOTS = "lots.v1";
    public static final String MAIL_REQUESTS = "mail.requests.v1";
    public static final String MAIL_EVENTS = "mail.events.v1";
    public static final String MAIL_BOUNCES = "mail.bounces.v1";

    /**
     * The business topics. Order traffic gets the most partitions (2,000 terminals in a morning
     * rush); master data is small and compacted.
     */
    public static final List<Topic> BUSINESS = List.of(
            new Topic(TERMINAL_ORDERS, 12, false),
            new Topic(ORDERS_STATUS, 6, false),
            new Topic(ORDERS_ACCEPTED, 6, false),
            new Topic(MASTER_PRODUCTS, 3, true),
            new Topic(MASTER_STORES, 3, true),
            new Topic(SHIPMENTS, 6, false),
            new Topic(LOTS, 6, false),
            new Topic(MAIL_REQUESTS, 6, false),
            new Topic(MAIL_EVENTS, 6, false),
            new Topic(MAIL_BOUNCES, 3, false));

    /** Business topics followed by their dead-letter topics. */
    public static final List<Topic> ALL = Stream.concat(
            BUSINESS.stream(), BUSINESS.stream().map(Topic::deadLetter)).toList();

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + Topic.DLQ_SUFFIX;
    }
}
