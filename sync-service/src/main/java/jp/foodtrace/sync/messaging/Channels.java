package jp.foodtrace.sync.messaging;

/** Names of this service's messaging channels; the topics behind them are set in application.properties. */
public final class Channels {

    public static final String ORDERS_ACCEPTED = "orders-accepted";

    private Channels() {
    }
}
