package jp.foodtrace.sync.access;

import java.util.Arrays;
import java.util.Optional;

/** What a client system may do. The wire value (for example {@code feed:read}) is what clients see. */
public enum Scope {
    /** Read the order feed and acknowledge positions. */
    FEED_READ("feed:read"),
    /** Upsert master data, shipments and production lots. */
    DATA_WRITE("data:write"),
    /** Trace lots forward and back. */
    TRACE_READ("trace:read"),
    /** Start recalls and list them. */
    RECALL_WRITE("recall:write"),
    /** Capture EPCIS 2.0 events (POST /epcis/capture) and read capture jobs. */
    EPCIS_CAPTURE("epcis:capture");

    private final String value;

    Scope(String value) {
        this.value = value;
    }

    public String value() {
        return value;
    }

    public static Optional<Scope> parse(String value) {
        return Arrays.stream(values()).filter(s -> s.value.equals(value)).findFirst();
    }
}
