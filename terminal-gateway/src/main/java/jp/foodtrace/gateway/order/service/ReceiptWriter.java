package jp.foodtrace.gateway.order.service;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jp.foodtrace.gateway.access.service.TerminalAccess;
import jp.foodtrace.gateway.config.GatewayConfig;
import jp.foodtrace.gateway.order.Submission;
import jp.foodtrace.gateway.order.messaging.UnpublishedRelay;
import jp.foodtrace.gateway.order.repository.SubmissionRepository.NewReceipt;
import jp.foodtrace.gateway.order.repository.SubmissionRepository;

/**
 * Writes receipts in groups: the receipts of all orders that arrived while the previous group was
 * being written go to the database in one statement and one commit. At low load a group is one
 * receipt and nothing waits; in the morning rush, 2,000 orders cost a few dozen commits instead of
 * 2,000, and no request holds a database connection while Kafka confirms its order.
 *
 * <p>The same threads note, in groups, which receipts Kafka has confirmed and when terminals were
 * last seen ordering. A confirmation that is lost (the gateway stops before the note is written)
 * only means the {@link UnpublishedRelay} publishes that order once more, which order-service
 * drops by its event id.
 */
@ApplicationScoped
public class ReceiptWriter {

    private static final Logger LOG = Logger.getLogger(ReceiptWriter.class);
    private static final int MAX_GROUP = 500;
    private static final long NOTE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    /** The receipt a submission met: its own, newly inserted, or the one already taken for its pair. */
    public record Written(boolean inserted, Submission receipt) {
    }

    private record Pending(NewReceipt receipt, CompletableFuture<Written> done) {
    }

    private final SubmissionRepository receipts;
    private final TerminalAccess access;
    private final int threads;
    private final DistributionSummary groupSizes;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Set<UUID> published = ConcurrentHashMap.newKeySet();
    private final ReentrantLock noting = new ReentrantLock();
    private final List<Thread> writers = new ArrayList<>();
    private volatile boolean running;
    private volatile long lastNote = System.nanoTime();

    public ReceiptWriter(SubmissionRepository receipts, TerminalAccess access, GatewayConfig config,
            MeterRegistry meters) {
        this.receipts = receipts;
        this.access = access;
        this.threads = config.receiptWriters();
        this.groupSizes = DistributionSummary.builder("suite.terminal_gateway.receipt.group.size")
                .description("Receipts written per statement and commit")
                .register(meters);
    }

    void start(@Observes StartupEvent started) {
        running = true;
        for (int i = 0; i < threads; i++) {
            Thread writer = new Thread(this::run, "receipt-writer-" + i);
            writer.setDaemon(true);
            writer.start();
            writers.add(writer);
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        for (Thread writer : writers) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(p -> p.done().completeExceptionally(new IllegalStateException("the gateway is stopping")));
        note(true);
    }

    /** Queues a receipt; the future completes once it is committed, or with the receipt already taken. */
    public CompletableFuture<Written> write(Submission submission, String payload, Optional<String> traceparent) {
        CompletableFuture<Written> done = new CompletableFuture<>();
        if (!running) {
            done.completeExceptionally(new IllegalStateException("the gateway is not accepting orders"));
            return done;
        }
        queue.add(new Pending(new NewReceipt(submission, payload, traceparent.orElse(null)), done));
        return done;
    }

    /** Notes (soon, in a group) that Kafka confirmed the order event of this receipt. */
    public void published(UUID receiptId) {
        published.add(receiptId);
    }

    /** Whether this instance saw Kafka confirm the receipt's event and has not written that down yet. */
    public boolean publishedNotYetNoted(UUID receiptId) {
        return published.contains(receiptId);
    }

    private void run() {
        while (running) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Pending> group = new ArrayList<>();
                    group.add(first);
                    queue.drainTo(group, MAX_GROUP - 1);
                    write(group);
                }
                note(false);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("receipt writer failed; continuing", e);
            }
        }
    }

    private void write(List<Pending> group) {
        groupSizes.record(group.size());
        try {
            Set<UUID> inserted = receipts.insertAll(group.stream().map(Pending::receipt).toList());
            for (Pending p : group) {
                Submission s = p.receipt().submission();
                if (inserted.contains(s.receiptId())) {
                    p.done().complete(new Written(true, s));
                } else {
                    // A resend (rare): the receipt taken for the pair, read back.
                    Submission existing = receipts.find(s.terminalId(), s.sequence()).orElseThrow(
                            () -> new IllegalStateException("receipt of " + s.terminalId() + "/" + s.sequence()
                                    + " neither inserted nor found"));
                    p.done().complete(new Written(false, existing));
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "could not write %d receipt(s)", group.size());
            group.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    /** Writes the confirmations and last-seen times noted since the last time, at most every 200 ms. */
    private void note(boolean now) {
        if (!now && System.nanoTime() - lastNote < NOTE_INTERVAL_NANOS && published.size() < MAX_GROUP) {
            return;
        }
        if (!noting.tryLock()) {
            return;
        }
        try {
            lastNote = System.nanoTime();
            List<UUID> ids = new ArrayList<>();
            for (Iterator<UUID> it = published.iterator(); ids.size() < 10 * MAX_GROUP && it.hasNext();) {
                ids.add(it.next());
            }
            try {
                receipts.markPublished(ids);
            } catch (RuntimeException e) {
                LOG.warnf(e, "could not note %d Kafka confirmation(s); the relay will publish them again", ids.size());
            }
            // Removed only once written (or given up), so a resend meanwhile sees the confirmation.
            ids.forEach(published::remove);
            try {
                access.flushSeenOrdering();
            } catch (RuntimeException e) {
                LOG.warn("could not write last-seen times", e);
            }
        } finally {
            noting.unlock();
        }
    }
}
