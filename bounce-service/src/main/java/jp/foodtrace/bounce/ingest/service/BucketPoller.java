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
 * <p>The objects of a page are taken in by {@code suite.bounce.parallelism} workers at once; the
 * position is saved only when every object of the page has been handled, so a restart resumes at a
 * page whose objects are all finished or left for the next pass (each object's own claim, commit
 * and move are the same as one at a time).
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
            poll();
        } catch (RuntimeException e) {
            LOG.warnf(e, "poll of s3://%s/%s failed; the next poll tries again", bucket.name(), config.prefix());
        }
    }

    /** One poll: from the saved position to the end of the listing. Returns the number of objects listed. */
    public synchronized int poll() {
        String prefix = config.prefix();
        String position = stages.time(Stage.DB, () -> objects.position(bucket.name(), prefix));
        int listed = 0;
        while (true) {
            String after = position;
            MailBucket.Page page = stages.time(Stage.LIST, () -> bucket.list(prefix, after, config.pageSize()));
            List<Future<?>> running = new ArrayList<>();
            for (MailBucket.Listed object : page.objects()) {
                if (!ingestion.isInbound(object.key())) {
                    continue;
                }
                listed++;
                running.add(workers.submit(() -> take(object)));
            }
            awaitAll(running);
            if (!page.truncated() || page.objects().isEmpty()) {
                stages.time(Stage.DB, () -> objects.savePosition(bucket.name(), prefix, ""));
                return listed;
            }
            position = page.objects().get(page.objects().size() - 1).key();
            String saved = position;
            stages.time(Stage.DB, () -> objects.savePosition(bucket.name(), prefix, saved));
        }
    }

    private void take(MailBucket.Listed object) {
        try {
            ingestion.ingest(object, instance);
        } catch (RuntimeException e) {
            // Left in place and unclaimed: the next pass retries it. Others go on.
            LOG.warnf(e, "object %s not taken in this pass", object.key());
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
