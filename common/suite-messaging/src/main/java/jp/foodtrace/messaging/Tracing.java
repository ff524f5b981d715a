package jp.foodtrace.messaging;

import java.util.Optional;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;

/**
 * The W3C trace context (https://www.w3.org/TR/trace-context/) of the suite's events. An order's
 * trace starts with the terminal's HTTP request at the gateway and travels in the {@code traceparent}
 * header of every record made for it ({@code terminal.orders.v1}, {@code orders.accepted.v1}), in
 * the outbox rows that hold such records until the broker confirms them, and in HQ's feed. Each
 * consumer continues it with a span of its own ({@link RecordSpans}), so log lines written while an
 * order is handled carry its trace id (Quarkus puts {@code traceId} and {@code spanId} into the
 * logging context of the current span).
 *
 * <p>The value is {@code 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>}. A header that does
 * not read as one is ignored (the record is processed, in a trace of its own), as the W3C
 * recommendation says: a broken trace must never cost an order.
 */
public final class Tracing {

    private static final int VERSION_00_LENGTH = 55;

    private Tracing() {
    }

    /** The traceparent of the current span, if there is one with a valid context. */
    public static Optional<String> current() {
        SpanContext context = Span.current().getSpanContext();
        return context.isValid() ? Optional.of(format(context)) : Optional.empty();
    }

    public static String format(SpanContext context) {
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /**
     * The remote span context a traceparent names. Version 00 must be exactly 55 characters; a later
     * version is read by its first 55 characters followed by {@code -}, as the recommendation asks;
     * version {@code ff}, upper-case hex and all-zero ids are invalid.
     */
    public static Optional<SpanContext> parse(String traceparent) {
        if (traceparent == null || traceparent.length() < VERSION_00_LENGTH) {
            return Optional.empty();
        }
        String version = traceparent.substring(0, 2);
        if (!isLowerHex(version) || version.equals("ff")
                || (version.equals("00") ? traceparent.length() != VERSION_00_LENGTH
                        : traceparent.length() > VERSION_00_LENGTH && traceparent.charAt(VERSION_00_LENGTH) != '-')) {
            return Optional.empty();
        }
        if (traceparent.charAt(2) != '-' || traceparent.charAt(35) != '-' || traceparent.charAt(52) != '-') {
            return Optional.empty();
        }
        String traceId = traceparent.substring(3, 35);
        String spanId = traceparent.substring(36, 52);
        String flags = traceparent.substring(53, 55);
        if (!isLowerHex(traceId) || !isLowerHex(spanId) || !isLowerHex(flags)) {
            return Optional.empty();
        }
        SpanContext context = SpanContext.createFromRemoteParent(traceId, spanId,
                TraceFlags.fromByte((byte) (Integer.parseInt(flags, 16) & 0x01)), TraceState.getDefault());
        return context.isValid() ? Optional.of(context) : Optional.empty();
    }

    /** The trace id of a traceparent, if it reads as one. */
    public static Optional<String> traceId(String traceparent) {
        return parse(traceparent).map(SpanContext::getTraceId);
    }

    /**
     * Makes the span a traceparent names current until the scope is closed: for log lines about one
     * event written outside its consumer span (a batch's work after every record was read). With no
     * valid traceparent nothing changes.
     */
    public static Scope resume(Optional<String> traceparent) {
        return traceparent.flatMap(Tracing::parse)
                .map(context -> Context.root().with(Span.wrap(context)).makeCurrent())
                .orElse(Scope.noop());
    }

    private static boolean isLowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && !(c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
