package jp.foodtrace.messaging;

/** Names of the Kafka record headers that every event of the suite carries. */
public final class EventHeaders {

    /** UUID of the event; consumers record it to ignore redeliveries. */
    public static final String EVENT_ID = "event-id";
    /** Type of the payload, for example {@code OrderAccepted}. */
    public static final String EVENT_TYPE = "event-type";
    /** ISO-8601 instant at which the event happened at its source. */
    public static final String OCCURRED_AT = "occurred-at";
    /** W3C trace context, where the producer had one. */
    public static final String TRACEPARENT = "traceparent";

    private EventHeaders() {
    }
}
