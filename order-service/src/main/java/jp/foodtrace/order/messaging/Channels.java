package jp.foodtrace.order.messaging;

/** Names of this service's messaging channels; the topics behind them are set in application.properties. */
public final class Channels {

    public static final String TERMINAL_ORDERS = "terminal-orders";
    public static final String MASTER_PRODUCTS = "master-products";
    public static final String MASTER_STORES = "master-stores";
    public static final String SHIPMENTS = "shipments";
    public static final String ORDERS_STATUS_OUT = "orders-status-out";
    public static final String ORDERS_ACCEPTED_OUT = "orders-accepted-out";

    private Channels() {
    }
}
