package jp.foodtrace.mail.messaging;

/** Names of this service's messaging channels; the topics behind them are set in application.properties. */
public final class Channels {

    public static final String MAIL_REQUESTS = "mail-requests";
    public static final String MAIL_BOUNCES = "mail-bounces";
    public static final String MAIL_EVENTS = "mail-events";

    private Channels() {
    }
}
