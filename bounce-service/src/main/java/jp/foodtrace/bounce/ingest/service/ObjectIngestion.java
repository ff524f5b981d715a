package jp.foodtrace.bounce.ingest.service;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jp.foodtrace.bounce.analysis.BounceAnalyzer;
import jp.foodtrace.bounce.analysis.BounceFact;
import jp.foodtrace.bounce.analysis.Deadline;
import jp.foodtrace.bounce.config.BounceConfig;
import jp.foodtrace.bounce.fact.Bounce;
import jp.foodtrace.bounce.fact.service.BounceRecorder;
import jp.foodtrace.bounce.ingest.InboundObject;
import jp.foodtrace.bounce.ingest.Outcome;
import jp.foodtrace.bounce.ingest.client.MailBucket;
import jp.foodtrace.bounce.ingest.repository.InboundObjectRepository;
import jp.foodtrace.bounce.ingest.service.IngestStages.Stage;

/**
 * Takes one S3 object in, exactly once across polls, restarts and instances: claims the object
 * version (key + ETag) under its unique constraint, reads and analyses it, stores its facts and
 * publishes them in the transaction that marks the object done, then copies it to the processed
 * or quarantine prefix and deletes the original.
 *
 * <p>The original is deleted only after the copy succeeded (and the outcome was committed): SES
 * names objects by message id, not in time order, so every listing pass walks the whole inbound
 * prefix, and keeping only unfinished objects there keeps the passes short. The copy keeps the
 * raw mail; a bucket lifecycle rule may expire the copies. If the copy or the delete fails, the
 * object stays listed and the next pass finishes the move without analysing it again.
 */
@ApplicationScoped
public class ObjectIngestion {

    /**
     * User metadata of a quarantined copy: the reason code ({@code too-large}, {@code not-mail},
     * {@code unparseable}, {@code analysis-timeout}).
     */
    public static final String REASON_METADATA = "quarantine-reason";
    /** User metadata of a quarantined copy: the reason in words. */
    public static final String DETAIL_METADATA = "quarantine-detail";

    private static final Logger LOG = Logger.getLogger(ObjectIngestion.class);
    private static final int MAX_DETAIL = 512;

    private final MailBucket bucket;
    private final InboundObjectRepository objects;
    private final BounceRecorder recorder;
    private final BounceConfig config;
    private final MeterRegistry meters;
    private final IngestStages stages;
    private final BounceAnalyzer analyzer = new BounceAnalyzer();

    public ObjectIngestion(MailBucket bucket, InboundObjectRepository objects, BounceRecorder recorder,
            BounceConfig config, MeterRegistry meters, IngestStages stages) {
        this.bucket = bucket;
        this.objects = objects;
        this.recorder = recorder;
        this.config = config;
        this.meters = meters;
        this.stages = stages;
    }

    /** Whether a listed key is one this service reads (not its own copies, not a folder marker). */
    public boolean isInbound(String key) {
        return key.startsWith(config.prefix()) && !key.endsWith("/")
                && !key.startsWith(config.processedPrefix()) && !key.startsWith(config.quarantinePrefix());
    }

    /**
     * Handles one listed object: nothing when another instance holds it, finishing the move when it
     * was analysed before, otherwise the whole ingestion. A failure that may pass (S3, database or
     * broker unavailable) gives the claim back and is rethrown. Returns whether this call finished
     * the object (analysed and moved it, or moved it after an earlier analysis).
     *
     * <p>The claim comes first: a new object (nearly every object listed) costs one statement
     * before it is read; only when the claim is refused is the row read, to tell an object another
     * instance holds from one that is done and waits only for its move.
     */
    public boolean ingest(MailBucket.Listed listed, String instance) {
        if (!stages.time(Stage.DB,
                () -> objects.claim(listed.key(), listed.etag(), listed.size(), instance, config.claimLease()))) {
            Optional<InboundObject> known = stages.time(Stage.DB, () -> objects.find(listed.key(), listed.etag()));
            if (known.isPresent() && known.get().done()) {
                move(known.get());
                return true;
            }
            return false;
        }
        InboundObject done;
        try {
            done = analyseAndRecord(listed, instance);
        } catch (RuntimeException e) {
            stages.time(Stage.DB, () -> objects.release(listed.key(), listed.etag(), instance));
            counter("suite.bounce-service.objects.failed", null).increment();
            throw e;
        }
        if (done == null) {
            return false; // the claim was taken over meanwhile; the other instance finishes it
        }
        counter("suite.bounce-service.objects.processed", null).increment();
        counter("suite.bounce-service.objects", done.outcome()).increment();
        move(done);
        return true;
    }

    private InboundObject analyseAndRecord(MailBucket.Listed listed, String instance) {
        long max = config.maxObjectSize().asLongValue();
        if (listed.size() > max) {
            return quarantine(listed, instance, "too-large", listed.size() + " bytes, more than the limit of " + max);
        }
        byte[] raw = stages.time(Stage.GET, () -> bucket.read(listed.key()));
        if (raw.length > max) {
            return quarantine(listed, instance, "too-large", raw.length + " bytes, more than the limit of " + max);
        }
        long analysisStart = System.nanoTime();
        Optional<String> notMail = MailShape.problem(raw);
        if (notMail.isPresent()) {
            stages.record(Stage.ANALYZE, System.nanoTime() - analysisStart);
            return quarantine(listed, instance, "not-mail", notMail.get());
        }
        List<BounceFact> found;
        try {
            found = Deadline.within(config.analysisDeadline(), () -> analyzer.analyze(raw));
        } catch (Deadline.Exceeded e) {
            stages.record(Stage.ANALYZE, System.nanoTime() - analysisStart);
            return quarantine(listed, instance, "analysis-timeout", e.getMessage());
        } catch (RuntimeException | StackOverflowError e) {
            stages.record(Stage.ANALYZE, System.nanoTime() - analysisStart);
            // a pattern's recursion on a crafted text may exhaust the stack: that text is unparseable too
            LOG.warnf(e, "object %s could not be analysed", listed.key());
            return quarantine(listed, instance, "unparseable", e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        stages.record(Stage.ANALYZE, System.nanoTime() - analysisStart);
        List<Bounce> facts = found.stream().map(f -> Bounce.fromObject(listed.key(), listed.etag(), f)).toList();
        Outcome outcome = facts.isEmpty() ? Outcome.NOT_BOUNCE : Outcome.BOUNCE;
        String target = config.processedPrefix() + listed.key();
        // The transaction's time is database time, except the wait for the broker inside it.
        long[] publishNanos = new long[1];
        long transactionStart = System.nanoTime();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                List<Bounce> stored = recorder.store(facts);
                long publishStart = System.nanoTime();
                try {
                    recorder.publish(stored);
                } finally {
                    publishNanos[0] = System.nanoTime() - publishStart;
                }
                if (!objects.finish(listed.key(), listed.etag(), instance, outcome.wireName(), null, stored.size(),
                        target)) {
                    // Our claim expired and another instance took it: roll back so its facts stay the only ones.
                    QuarkusTransaction.setRollbackOnly();
                    return null;
                }
                LOG.infof("object %s: %s, %d fact(s)", listed.key(), outcome.wireName(), stored.size());
                return new InboundObject(listed.key(), listed.etag(), listed.size(), InboundObject.DONE,
                        outcome.wireName(), null, stored.size(), target);
            });
        } finally {
            stages.record(Stage.PUBLISH, publishNanos[0]);
            stages.record(Stage.DB, System.nanoTime() - transactionStart - publishNanos[0]);
        }
    }

    private InboundObject quarantine(MailBucket.Listed listed, String instance, String code, String text) {
        String detail = code + ": " + text;
        String target = config.quarantinePrefix() + listed.key();
        LOG.warnf("object %s quarantined: %s", listed.key(), detail);
        boolean finished = stages.time(Stage.DB, () -> objects.finish(listed.key(), listed.etag(), instance,
                Outcome.QUARANTINED.wireName(), detail, 0, target));
        return finished ? new InboundObject(listed.key(), listed.etag(), listed.size(), InboundObject.DONE,
                Outcome.QUARANTINED.wireName(), detail, 0, target) : null;
    }

    /** Copies a finished object to its target, then deletes the original; both are safe to repeat. */
    private void move(InboundObject done) {
        Map<String, String> metadata = Map.of();
        if (Outcome.QUARANTINED.wireName().equals(done.outcome()) && done.detail() != null) {
            int colon = done.detail().indexOf(':');
            metadata = Map.of(REASON_METADATA, done.detail().substring(0, colon),
                    DETAIL_METADATA, metadataValue(done.detail().substring(colon + 1).trim()));
        }
        Map<String, String> copyMetadata = metadata;
        stages.time(Stage.MOVE, () -> {
            bucket.copy(done.key(), done.movedTo(), copyMetadata);
            bucket.delete(done.key());
        });
    }

    /** S3 metadata travels in HTTP headers: printable US-ASCII only, and short. */
    static String metadataValue(String text) {
        StringBuilder out = new StringBuilder();
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            out.append(b >= 0x20 && b < 0x7f ? (char) b : '?');
            if (out.length() >= MAX_DETAIL) {
                break;
            }
        }
        return out.toString();
    }

    private Counter counter(String name, String outcome) {
        Counter.Builder builder = Counter.builder(name);
        if (outcome != null) {
            builder.tag("outcome", outcome).description("S3 objects finished, by outcome (bounce, not-bounce, quarantined)");
        } else if (name.endsWith(".failed")) {
            builder.description("S3 objects left for the next pass after a failure that may pass");
        } else {
            builder.description("Raw MIME objects read from S3 and finished");
        }
        return builder.register(meters);
    }
}
