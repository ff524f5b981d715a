package jp.foodtrace.messaging;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * One consumer span per event a consumer handles, the child of the span that produced the record
 * (its {@code traceparent} header), named and tagged as the OpenTelemetry messaging conventions
 * have it ({@code <topic> process}). Events built while the span is current carry it on
 * ({@link EventEnvelope#forPayload}); a record without a usable header starts a trace of its own.
 * The SmallRye connector's own tracing is switched off (application.properties of each service):
 * it would start a second span per record and, on the producer side, replace the header the
 * envelope carries with a span of whatever thread sends it.
 */
public final class RecordSpans {

    private final Tracer tracer;

    public RecordSpans(OpenTelemetry telemetry) {
        this.tracer = telemetry.getTracer("jp.foodtrace.messaging");
    }

    /** A started span for one event of a topic; the caller ends it. */
    public Span start(String topic, EventEnvelope event) {
        Context parent = event.traceparent().flatMap(Tracing::parse)
                .map(remote -> Context.root().with(Span.wrap(remote)))
                .orElse(Context.root());
        return tracer.spanBuilder(topic + " process")
                .setParent(parent)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", event.id().toString())
                .setAttribute("messaging.kafka.message.key", event.aggregateId())
                .startSpan();
    }

    /** Ends a span, marking it failed when the work failed. */
    public static void end(Span span, Throwable failure) {
        if (failure != null) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, failure.toString());
        }
        span.end();
    }
}
