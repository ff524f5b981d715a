package jp.foodtrace.gateway.order.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import jp.foodtrace.gateway.access.AuthenticatedTerminal;
import jp.foodtrace.gateway.access.service.TerminalAccess;
import jp.foodtrace.gateway.config.GatewayConfig;
import jp.foodtrace.gateway.order.Submission;
import jp.foodtrace.gateway.order.messaging.OrderPublisher;
import jp.foodtrace.gateway.order.messaging.UnpublishedRelay;
import jp.foodtrace.gateway.order.rest.OrderRequest;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.Tracing;
import jp.foodtrace.messaging.events.OrderLine;
import jp.foodtrace.messaging.events.TerminalOrderSubmitted;
import jp.foodtrace.rest.ProblemException;

/**
 * Takes an order from a terminal exactly once.
 * <ol>
 * <li>The receipt for (terminal, sequence), with the order event, is committed (in a group with
 * the receipts of other orders arriving at the same time, see {@link ReceiptWriter}).</li>
 * <li>The event is written to Kafka and the broker's confirmation awaited; no database connection
 * is held meanwhile.</li>
 * <li>Only then is the terminal told "received" (202). If Kafka does not confirm in time, the
 * terminal gets 503 and resends.</li>
 * </ol>
 * A resend of a pair whose event Kafka has not confirmed publishes the stored event again before it
 * answers 200 with the original receipt; receipts nobody resends are published by the
 * {@link UnpublishedRelay}. Every publication of one receipt carries the same event id, and
 * order-service keeps one order per (terminal, sequence), so the order reaches the HQ feed once.
 */
@ApplicationScoped
public class SubmissionService {

    private static final Logger LOG = Logger.getLogger(SubmissionService.class);

    /** What became of a submission. */
    public enum Kind { ACCEPTED, RESENT, CONFLICT }

    public record Outcome(Kind kind, Submission submission) {
    }

    private final ReceiptWriter writer;
    private final TerminalAccess access;
    private final OrderPublisher publisher;
    private final MeterRegistry meters;
    private final Duration timeout;

    public SubmissionService(ReceiptWriter writer, TerminalAccess access, OrderPublisher publisher,
            MeterRegistry meters, GatewayConfig config) {
        this.writer = writer;
        this.access = access;
        this.publisher = publisher;
        this.meters = meters;
        this.timeout = config.publishTimeout();
    }

    /** The outcome once it is known; fails with a 503 problem when the order could not be stored. */
    public Uni<Outcome> submit(AuthenticatedTerminal terminal, OrderRequest order) {
        Instant now = Instant.now();
        Submission submission = new Submission(UUID.randomUUID(), terminal.terminalId(), order.sequence(),
                order.fingerprint(), terminal.storeCode(), now, "RECEIVED", null, null, false);
        EventEnvelope event = publisher.event(submission, toEvent(submission, order));
        return Uni.createFrom().completionStage(() -> writer.write(submission, event.payload(), event.traceparent()))
                .ifNoItem().after(timeout).fail()
                .onFailure().transform(e -> {
                    LOG.warnf(e, "receipt of %s/%d not stored", terminal.terminalId(), order.sequence());
                    meters.counter("suite.terminal_gateway.orders", "outcome", "unavailable").increment();
                    return ProblemException.unavailable(
                            "the order could not be stored; send it again with the same sequence");
                })
                .chain(written -> {
                    if (written.inserted()) {
                        return confirmed(written.receipt(), event, Kind.ACCEPTED);
                    }
                    Submission existing = written.receipt();
                    if (!existing.fingerprint().equals(submission.fingerprint())) {
                        return Uni.createFrom().item(count(new Outcome(Kind.CONFLICT, existing)));
                    }
                    if (existing.published() || writer.publishedNotYetNoted(existing.receiptId())) {
                        return Uni.createFrom().item(count(new Outcome(Kind.RESENT, existing)));
                    }
                    // The first attempt was stored but Kafka's confirmation never arrived: publish the
                    // stored event (same receipt, same event id) before answering.
                    return confirmed(existing, publisher.event(existing, toEvent(existing, order)), Kind.RESENT);
                });
    }

    /** For callers on a worker thread (CSV batches): waits for the outcome. */
    public Outcome submitAndWait(AuthenticatedTerminal terminal, OrderRequest order) {
        return submit(terminal, order).await().indefinitely();
    }

    private Uni<Outcome> confirmed(Submission receipt, EventEnvelope event, Kind kind) {
        return publisher.publish(event)
                .onFailure().transform(e -> {
                    if (e instanceof ProblemException) {
                        return e;
                    }
                    LOG.warnf(e, "order %s/%d not confirmed by Kafka", receipt.terminalId(), receipt.sequence());
                    meters.counter("suite.terminal_gateway.orders", "outcome", "unavailable").increment();
                    return ProblemException.unavailable(
                            "the order was not confirmed; send it again with the same sequence");
                })
                .map(ignored -> {
                    writer.published(receipt.receiptId());
                    access.seenOrdering(receipt.terminalId(), receipt.receivedAt());
                    // On the producer's thread: the request's span is made current for the line.
                    try (Scope trace = Tracing.resume(event.traceparent())) {
                        LOG.infof("order %s/%d of store %s received as %s (%s)", receipt.terminalId(),
                                receipt.sequence(), receipt.storeCode(), receipt.receiptId(),
                                kind.name().toLowerCase());
                    }
                    return count(new Outcome(kind, receipt));
                });
    }

    private Outcome count(Outcome outcome) {
        meters.counter("suite.terminal_gateway.orders", "outcome", outcome.kind().name().toLowerCase()).increment();
        return outcome;
    }

    /**
     * The order event of a receipt. For a resend of a stored receipt, built from the resend: the
     * same fingerprint means the same lines and date.
     */
    static TerminalOrderSubmitted toEvent(Submission submission, OrderRequest order) {
        var lines = new ArrayList<OrderLine>(order.lines().size());
        for (int i = 0; i < order.lines().size(); i++) {
            OrderRequest.Line line = order.lines().get(i);
            lines.add(new OrderLine(i + 1, line.itemCode(), line.quantity(), line.unit().toUpperCase()));
        }
        return new TerminalOrderSubmitted(submission.receiptId().toString(), submission.terminalId(),
                submission.storeCode(), submission.sequence(), order.deliveryDate(), submission.receivedAt(), lines);
    }
}
