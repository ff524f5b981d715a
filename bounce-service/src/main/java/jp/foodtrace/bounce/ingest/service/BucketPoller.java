package jp.foodtrace.bounce.ingest.service;

import java.lang.management.ManagementFactory;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import jp.foodtrace.bounce.config.BounceConfig;
import jp.foodtrace.bounce.ingest.client.MailBucket;
import jp.foodtrace.bounce.ingest.repository.InboundObjectRepository;

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
 */
@ApplicationScoped
public class BucketPoller {

    private static final Logger LOG = Logger.getLogger(BucketPoller.class);

    private final MailBucket bucket;
    private final InboundObjectRepository objects;
    private final ObjectIngestion ingestion;
    private final BounceConfig config;
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();

    public BucketPoller(MailBucket bucket, InboundObjectRepository objects, ObjectIngestion ingestion,
            BounceConfig config) {
        this.bucket = bucket;
        this.objects = objects;
        this.ingestion = ingestion;
        this.config = config;
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
        String position = objects.position(bucket.name(), prefix);
        int listed = 0;
        while (true) {
            MailBucket.Page page = bucket.list(prefix, position, config.pageSize());
            for (MailBucket.Listed object : page.objects()) {
                if (!ingestion.isInbound(object.key())) {
                    continue;
                }
                listed++;
                try {
                    ingestion.ingest(object, instance);
                } catch (RuntimeException e) {
                    // Left in place and unclaimed: the next pass retries it. Others go on.
                    LOG.warnf(e, "object %s not taken in this pass", object.key());
                }
            }
            if (!page.truncated() || page.objects().isEmpty()) {
                objects.savePosition(bucket.name(), prefix, "");
                return listed;
            }
            position = page.objects().get(page.objects().size() - 1).key();
            objects.savePosition(bucket.name(), prefix, position);
        }
    }
}
