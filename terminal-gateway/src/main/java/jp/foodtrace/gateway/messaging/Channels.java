package jp.foodtrace.gateway.messaging;

/** Names of this service's messaging channels; the topics behind them are set in application.properties. */
public final class Channels {

    public static final String ORDERS_STATUS = "orders-status";
    public static final String MASTER_PRODUCTS = "master-products";
    public static final String MASTER_STORES = "master-stores";
    public static final String TERMINAL_ORDERS_OUT = "terminal-orders-out";

    private Channels() {
    }
}
