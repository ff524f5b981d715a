package jp.foodtrace.bounce.messaging;

/** Names of this service's messaging channels; the topics behind them are set in application.properties. */
public final class Channels {

    public static final String MAIL_EVENTS = "mail-events";
    public static final String MAIL_BOUNCES_OUT = "mail-bounces-out";

    private Channels() {
    }
}
