package jp.foodtrace.mail.request.service;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jp.foodtrace.mail.config.MailConfig;
import jp.foodtrace.mail.request.MailCategory;
import jp.foodtrace.mail.request.MailLogEntry;
import jp.foodtrace.mail.request.MailRequest;
import jp.foodtrace.mail.request.MailStatus;
import jp.foodtrace.mail.request.messaging.MailOutcomePublisher;
import jp.foodtrace.mail.request.repository.MailLogRepository;
import jp.foodtrace.mail.suppression.service.SuppressionService;
import jp.foodtrace.mail.template.RenderedMail;
import jp.foodtrace.mail.template.service.MailRenderer;
import jp.foodtrace.mail.template.service.MimeComposer;
import jp.foodtrace.mail.transport.client.MailTransport;
import jp.foodtrace.mail.transport.client.OutgoingMail;
import jp.foodtrace.mail.transport.client.TransportFailure;
import jp.foodtrace.mail.unsubscribe.service.UnsubscribeTokens;

/**
 * Sends what the mail log holds, one request at a time per worker thread:
 * claim (PENDING → CLAIMED, committed) → suppression check → compose once → wait for the rate
 * limiter → SENDING (committed) → transport → SENT / PENDING again (transient, with backoff) /
 * FAILED / UNKNOWN (the transport cannot tell whether the message left), then the outcome event.
 * Because the claim and the SENDING mark commit before the transport is called, a redelivered
 * request or a second instance can never send it again, and only a failure the transport classified
 * as certainly-not-sent is retried; what stays open is a crash during the transport call (README:
 * ambiguous sends).
 */
@ApplicationScoped
public class MailDispatcher {

    private static final Logger LOG = Logger.getLogger(MailDispatcher.class);
    private static final Duration HOUSEKEEPING_EVERY = Duration.ofSeconds(5);

    private final MailLogRepository log;
    private final SuppressionService suppressions;
    private final MailRenderer renderer;
    private final MimeComposer composer;
    private final UnsubscribeTokens tokens;
    private final SendRateLimiter limiter;
    private final RetryPolicy retry;
    private final MailTransport transport;
    private final MailOutcomePublisher outcomes;
    private final MailConfig config;
    private final MeterRegistry meters;
    private final Object wakeUp = new Object();
    private final AtomicInteger pendingWakeUps = new AtomicInteger();
    private volatile boolean running;
    private ExecutorService workers;

    public MailDispatcher(MailLogRepository log, SuppressionService suppressions, MailRenderer renderer,
            MimeComposer composer, UnsubscribeTokens tokens, SendRateLimiter limiter, RetryPolicy retry,
            MailTransport transport, MailOutcomePublisher outcomes, MailConfig config, MeterRegistry meters) {
        this.log = log;
        this.suppressions = suppressions;
        this.renderer = renderer;
        this.composer = composer;
        this.tokens = tokens;
        this.limiter = limiter;
        this.retry = retry;
        this.transport = transport;
        this.outcomes = outcomes;
        this.config = config;
        this.meters = meters;
    }

    void start(@Observes StartupEvent startup) {
        running = true;
        int count = Math.max(1, config.dispatch().workers());
        AtomicInteger numbers = new AtomicInteger();
        workers = Executors.newFixedThreadPool(count + 1, r -> {
            Thread thread = new Thread(r, "mail-dispatch-" + numbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 0; i < count; i++) {
            workers.submit(this::workLoop);
        }
        workers.submit(this::housekeepingLoop);
        LOG.infof("mail dispatch: %d workers, transport %s, %.2f mails/s on this instance", count, transport.name(),
                limiter.permitsPerSecond());
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        wakeAll();
        if (workers != null) {
            // Let a send in progress finish and be recorded, so shutdowns do not create UNKNOWN requests.
            workers.shutdown();
            if (!workers.awaitTermination(20, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        }
    }

    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        wakeAll();
    }

    private void wakeAll() {
        synchronized (wakeUp) {
            pendingWakeUps.incrementAndGet();
            wakeUp.notifyAll();
        }
    }

    private void workLoop() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                Optional<MailLogEntry> claimed = log.claimNext();
                if (claimed.isPresent()) {
                    process(claimed.get());
                } else {
                    idle(config.dispatch().pollInterval());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.error("mail dispatch failed; trying again", e);
                sleepQuietly(config.dispatch().pollInterval());
            }
        }
    }

    private void housekeepingLoop() {
        while (running && !Thread.currentThread().isInterrupted()) {
            try {
                int released = log.releaseExpiredClaims(config.dispatch().claimLease());
                int unknown = log.expireSending(config.dispatch().sendingLease());
                if (released > 0) {
                    LOG.warnf("%d claimed requests were given back to PENDING (their worker stopped before sending)", released);
                    wakeAll();
                }
                if (unknown > 0) {
                    LOG.errorf("%d requests end UNKNOWN: the instance stopped while the transport had them; not resent", unknown);
                    meters.counter("suite.mail_service.sends", "transport", transport.name(), "outcome", "unknown")
                            .increment(unknown);
                }
                for (MailLogEntry entry : log.unpublished(100)) {
                    publish(entry);
                }
                for (MailLogRepository.Bounced bounced : log.unpublishedBounces(100)) {
                    publishBounced(bounced);
                }
            } catch (RuntimeException e) {
                LOG.error("mail housekeeping failed", e);
            }
            sleepQuietly(HOUSEKEEPING_EVERY);
        }
    }

    /** Handles one claimed request to its next state. */
    void process(MailLogEntry entry) throws InterruptedException {
        MailRequest request = entry.request();
        Optional<String> suppressed = suppressions.suppressed(request.recipient(), request.category());
        if (suppressed.isPresent()) {
            finish(entry, MailStatus.CLAIMED, MailStatus.SUPPRESSED, null, "suppressed: " + suppressed.get());
            return;
        }
        String messageId = entry.messageId();
        byte[] raw = entry.rawMessage();
        if (raw == null) {
            try {
                messageId = composer.newMessageId();
                raw = compose(request, messageId);
            } catch (RuntimeException e) {
                LOG.errorf(e, "request %s cannot be composed", request.requestId());
                finish(entry, MailStatus.CLAIMED, MailStatus.FAILED, null, "cannot compose: " + e.getMessage());
                return;
            }
        }
        limiter.acquire();
        if (!log.markSending(request.requestId(), messageId, raw, transport.name())) {
            LOG.warnf("request %s is no longer claimed by this worker; left alone", request.requestId());
            return;
        }
        Timer.Sample sample = Timer.start(meters);
        try {
            String id = transport.send(new OutgoingMail(request.requestId(), request.recipient(), request.category(), raw));
            sample.stop(meters.timer("suite.mail_service.send.duration", "transport", transport.name()));
            finish(entry, MailStatus.SENDING, MailStatus.SENT, id, null);
        } catch (TransportFailure failure) {
            switch (failure.kind()) {
                case AMBIGUOUS -> {
                    // The message may have left: a second attempt could deliver it twice (README: ambiguous sends).
                    LOG.errorf("request %s: %s; outcome unknown, not resent", request.requestId(), failure.getMessage());
                    finish(entry, MailStatus.SENDING, MailStatus.UNKNOWN, null,
                            "outcome unknown: " + failure.getMessage() + "; not resent");
                }
                case TRANSIENT -> retryOrGiveUp(entry, failure);
                case PERMANENT -> {
                    LOG.errorf("request %s failed: %s", request.requestId(), failure.getMessage());
                    finish(entry, MailStatus.SENDING, MailStatus.FAILED, null, failure.getMessage());
                }
            }
        } catch (RuntimeException e) {
            // Not a failure the transport classified: whether the message left cannot be told.
            LOG.errorf(e, "request %s: unexpected failure during the send", request.requestId());
            finish(entry, MailStatus.SENDING, MailStatus.UNKNOWN, null, "outcome unknown: " + e);
        }
    }

    /** A send that certainly did not happen: again after the backoff, or FAILED once the attempts are used up. */
    private void retryOrGiveUp(MailLogEntry entry, TransportFailure failure) {
        String requestId = entry.requestId();
        Optional<Duration> delay = retry.nextDelay(entry.attempts());
        if (delay.isPresent()) {
            LOG.warnf("request %s: %s; attempt %d again in %s", requestId, failure.getMessage(), entry.attempts() + 1,
                    delay.get());
            count("retry");
            log.release(requestId, MailStatus.SENDING, delay.get(), failure.getMessage());
        } else {
            String reason = "gave up after " + entry.attempts() + " attempts: " + failure.getMessage();
            LOG.errorf("request %s failed: %s", requestId, reason);
            finish(entry, MailStatus.SENDING, MailStatus.FAILED, null, reason);
        }
    }

    private byte[] compose(MailRequest request, String messageId) {
        Optional<MimeComposer.Unsubscribe> unsubscribe = Optional.empty();
        if (request.category().unsubscribable()) {
            String token = tokens.issue(request.recipient(), request.category());
            unsubscribe = Optional.of(new MimeComposer.Unsubscribe(
                    stripSlash(config.unsubscribe().baseUrl()) + "/v1/unsubscribe/" + token,
                    "mailto:" + config.unsubscribe().mailto() + "?subject=unsubscribe%20" + token));
        }
        RenderedMail rendered = renderer.render(request, unsubscribe.map(MimeComposer.Unsubscribe::httpsUrl));
        return composer.compose(request.recipient(), rendered, messageId, Instant.now(), unsubscribe);
    }

    private void finish(MailLogEntry entry, MailStatus from, MailStatus to, String transportMessageId, String reason) {
        if (!log.finish(entry.requestId(), from, to, transportMessageId, reason)) {
            LOG.warnf("request %s was no longer %s; %s not recorded", entry.requestId(), from, to);
            return;
        }
        count(to.name().toLowerCase(Locale.ROOT));
        meters.counter("suite.mail-service.mails", "category", entry.request().category().wireName(),
                "outcome", to.name().toLowerCase(Locale.ROOT)).increment();
        log.find(entry.requestId()).ifPresent(this::publish);
    }

    private void publish(MailLogEntry entry) {
        try {
            outcomes.publish(entry);
            log.markPublished(entry.requestId());
        } catch (Exception e) {
            LOG.warnf("outcome of %s not published yet (%s); housekeeping tries again", entry.requestId(), e.toString());
        }
    }

    private void publishBounced(MailLogRepository.Bounced bounced) {
        try {
            outcomes.publishBounced(bounced);
            log.markBouncePublished(bounced.entry().requestId());
        } catch (Exception e) {
            LOG.warnf("BOUNCED of %s not published yet (%s); housekeeping tries again", bounced.entry().requestId(),
                    e.toString());
        }
    }

    private void count(String outcome) {
        meters.counter("suite.mail_service.sends", "transport", transport.name(), "outcome", outcome).increment();
    }

    private void idle(Duration timeout) throws InterruptedException {
        synchronized (wakeUp) {
            if (pendingWakeUps.getAndSet(0) == 0 && running) {
                wakeUp.wait(Math.max(1, timeout.toMillis()));
            }
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
