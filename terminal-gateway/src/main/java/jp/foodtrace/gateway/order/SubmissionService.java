package jp.foodtrace.gateway.order;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import jp.foodtrace.gateway.access.AuthenticatedTerminal;
import jp.foodtrace.gateway.problem.Problems;
import jp.foodtrace.gateway.access.TerminalAccess;
import jp.foodtrace.messaging.events.OrderLine;
import jp.foodtrace.messaging.events.TerminalOrderSubmitted;

/**
 * Takes an order from a terminal exactly once. In one database transaction: the receipt for
 * (terminal, sequence) is inserted, the order is written to Kafka and the broker's confirmation
 * awaited, then the transaction commits and only then is the terminal told "received". If Kafka
 * does not confirm, the receipt rolls back and the terminal gets 503 and resends later. If the
 * commit itself fails after Kafka confirmed, the resend creates a second record with the same
 * (terminal, sequence), which order-service's unique key on that pair turns into a no-op.
 */
@ApplicationScoped
public class SubmissionService {

    private static final Logger LOG = Logger.getLogger(SubmissionService.class);

    /** What became of a submission. */
    public enum Kind { ACCEPTED, RESENT, CONFLICT }

    public record Outcome(Kind kind, Submission submission) {
    }

    private final SubmissionRepository submissions;
    private final TerminalAccess access;
    private final OrderPublisher publisher;
    private final MeterRegistry meters;

    public SubmissionService(SubmissionRepository submissions, TerminalAccess access, OrderPublisher publisher,
            MeterRegistry meters) {
        this.submissions = submissions;
        this.access = access;
        this.publisher = publisher;
        this.meters = meters;
    }

    @Transactional
    public Outcome submit(AuthenticatedTerminal terminal, OrderRequest order) {
        String fingerprint = order.fingerprint();
        Instant now = Instant.now();
        Submission submission = new Submission(UUID.randomUUID(), terminal.terminalId(), order.sequence(), fingerprint,
                terminal.storeCode(), now, "RECEIVED", null, null);
        // Insert first: a new order (the common case) costs one statement; a resend, or the same
        // sequence taken a moment ago on another instance, meets the primary key.
        if (!submissions.insert(submission)) {
            return count(resend(submissions.find(terminal.terminalId(), order.sequence()).orElseThrow(), fingerprint));
        }
        try {
            publisher.publish(toEvent(submission, order));
        } catch (RuntimeException e) {
            LOG.warnf(e, "order %s/%d not confirmed by Kafka", terminal.terminalId(), order.sequence());
            meters.counter("suite.terminal_gateway.orders", "outcome", "unavailable").increment();
            throw Problems.unavailable("the order could not be stored; send it again with the same sequence");
        }
        access.seenOrdering(terminal.terminalId(), now);
        return count(new Outcome(Kind.ACCEPTED, submission));
    }

    private static Outcome resend(Submission existing, String fingerprint) {
        return new Outcome(existing.fingerprint().equals(fingerprint) ? Kind.RESENT : Kind.CONFLICT, existing);
    }

    private Outcome count(Outcome outcome) {
        meters.counter("suite.terminal_gateway.orders", "outcome", outcome.kind().name().toLowerCase()).increment();
        return outcome;
    }

    static TerminalOrderSubmitted toEvent(Submission submission, OrderRequest order) {
        var lines = new java.util.ArrayList<OrderLine>(order.lines().size());
        for (int i = 0; i < order.lines().size(); i++) {
            OrderRequest.Line line = order.lines().get(i);
            lines.add(new OrderLine(i + 1, line.itemCode(), line.quantity(), line.unit().toUpperCase()));
        }
        return new TerminalOrderSubmitted(submission.receiptId().toString(), submission.terminalId(),
                submission.storeCode(), submission.sequence(), order.deliveryDate(), submission.receivedAt(), lines);
    }
}
