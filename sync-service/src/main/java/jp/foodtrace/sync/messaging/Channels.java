package jp.foodtrace.sync.messaging;

import java.util.Map;

import jp.foodtrace.messaging.Topics;

/** Names of this service's messaging channels; the topics behind them are set in application.properties. */
public final class Channels {

    public static final String ORDERS_ACCEPTED = "orders-accepted";
    public static final String MAIL_EVENTS = "mail-events";

    public static final String MASTER_PRODUCTS_OUT = "master-products-out";
    public static final String MASTER_STORES_OUT = "master-stores-out";
    public static final String SHIPMENTS_OUT = "shipments-out";
    public static final String LOTS_OUT = "lots-out";
    public static final String MAIL_REQUESTS_OUT = "mail-requests-out";

    /** Outgoing channel per topic, for the outbox relay. */
    public static final Map<String, String> OUTGOING_BY_TOPIC = Map.of(
            Topics.MASTER_PRODUCTS, MASTER_PRODUCTS_OUT,
            Topics.MASTER_STORES, MASTER_STORES_OUT,
            Topics.SHIPMENTS, SHIPMENTS_OUT,
            Topics.LOTS, LOTS_OUT,
            Topics.MAIL_REQUESTS, MAIL_REQUESTS_OUT);

    private Channels() {
    }
}
