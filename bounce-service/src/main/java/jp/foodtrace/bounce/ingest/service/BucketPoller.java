package jp.foodtrace.bounce.ingest.service;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jp.foodtrace.bounce.config.BounceConfig;
import jp.foodtrace.bounce.ingest.client.MailBucket;
import jp.foodtrace.bounce.ingest.repository.InboundObjectRepository;
import jp.foodtrace.bounce.ingest.service.IngestStages.Stage;

/**
 * Polls the inbound prefix of the bucket. A poll lists with list-objects-v2 from the persisted
 * position (start-after), page by page, hands each object to {@link ObjectIngestion}, saves the
 * position after each page, and starts the next pass from the beginning once the listing ends.
 *
 * <p>The position only lets a pass resume where it stopped (after a restart, or on a large
 * backlog); it is not what makes processing exactly-once. SES names objects by message id, so a
 * new object may sort before the position: it is found by the next pass. Exactly-once comes from
 * the claim on (key, ETag) in the database, which also lets several instances poll the same
 * bucket: each object version is analysed by the one instance whose claim succeeded.
 *
 * <p>The objects of a page are taken in by {@code suite.bounce.parallelism} workers at once, and
 * the next page is listed while the last objects of the previous one are still running; a page's
 * position is saved only when every object of it has been handled, so a restart resumes at a page
 * whose objects are all finished or left for the next pass (each object's own claim, commit and
 * move are the same as one at a time). A scheduled poll passes again at once while a pass finishes
 * objects, so a backlog does not wait a poll interval between passes.
 */
@ApplicationScoped
public class BucketPoller {

    private static final Logger LOG = Logger.getLogger(BucketPoller.class);

    private final MailBucket bucket;
    private final InboundObjectRepository objects;
    private final ObjectIngestion ingestion;
    private final BounceConfig config;
    private final IngestStages stages;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    private final ExecutorService workers;

    /** Passes one scheduled poll runs back to back while they find work, before it yields to the interval. */
    static final int MAX_PASSES_PER_POLL = 100;

    public BucketPoller(MailBucket bucket, InboundObjectRepository objects, ObjectIngestion ingestion,
            BounceConfig config, IngestStages stages) {
        this.bucket = bucket;
        this.objects = objects;
        this.ingestion = ingestion;
        this.config = config;
        this.stages = stages;
        AtomicInteger number = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.parallelism()), task -> {
            Thread t = new Thread(task, "bounce-ingest-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    @Scheduled(identity = "bounce-bucket-poll", every = "${suite.bounce.poll-interval}", delayed = "${suite.bounce.poll-interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            // A pass that finished objects may have left new ones behind it (SES names objects by
            // message id, so new keys sort anywhere): pass again at once instead of a poll interval
            // later, and wait for the interval only when a pass found nothing it could finish.
            for (int pass = 0; pass < MAX_PASSES_PER_POLL && poll() > 0; pass++) {
                // next pass
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "poll of s3://%s/%s failed; the next poll tries again", bucket.name(), config.prefix());
        }
    }

    /**
     * One pass: from the saved position to the end of the listing. The next page is listed and
     * handed to the workers while the previous page's last objects are still being taken in; a
     * page's position is saved once every object of it was handled. Returns the number of objects
     * finished (analysed, or moved after an earlier analysis) in this pass.
     */
    public synchronized int poll() {
        String prefix = config.prefix();
        String position = stages.time(Stage.DB, () -> objects.position(bucket.name(), prefix));
        AtomicInteger finished = new AtomicInteger();
        List<Future<?>> previous = null; // the previous page's objects; none before the first page
        while (true) {
            String after = position;
            MailBucket.Page page = stages.time(Stage.LIST, () -> bucket.list(prefix, after, config.pageSize()));
            List<Future<?>> running = new ArrayList<>();
            for (MailBucket.Listed object : page.objects()) {
                if (!ingestion.isInbound(object.key())) {
                    continue;
                }
                running.add(workers.submit(() -> {
                    if (take(object)) {
                        finished.incrementAndGet();
                    }
                }));
            }
            if (previous != null) {
                // the previous page ended at this page's start: all of it handled, resume after it
                awaitAll(previous);
                stages.time(Stage.DB, () -> objects.savePosition(bucket.name(), prefix, after));
            }
            if (!page.truncated() || page.objects().isEmpty()) {
                awaitAll(running);
                stages.time(Stage.DB, () -> objects.savePosition(bucket.name(), prefix, ""));
                return finished.get();
            }
            position = page.objects().get(page.objects().size() - 1).key();
            previous = running;
        }
    }

    private boolean take(MailBucket.Listed object) {
        try {
            return ingestion.ingest(object, instance);
        } catch (RuntimeException e) {
            // Left in place and unclaimed: the next pass retries it. Others go on.
            LOG.warnf(e, "object %s not taken in this pass", object.key());
            return false;
        }
    }

    /** Waits for every object of the page; the page's position is saved only after that. */
    private static void awaitAll(List<Future<?>> running) {
        for (Future<?> f : running) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running.forEach(r -> r.cancel(true));
                throw new IllegalStateException("poll interrupted", e);
            } catch (ExecutionException e) {
                // take() handles RuntimeExceptions itself; an Error leaves the object for the next pass
                LOG.warnf(e.getCause(), "an object was not taken in this pass");
            }
        }
    }
}
