package jp.foodtrace.mail.suppression.service;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jp.foodtrace.mail.config.MailConfig;
import jp.foodtrace.mail.request.MailCategory;
import jp.foodtrace.mail.request.MailLogEntry;
import jp.foodtrace.mail.request.repository.MailLogRepository;
import jp.foodtrace.mail.request.service.MailRequestValidator;
import jp.foodtrace.mail.suppression.BounceFact;
import jp.foodtrace.mail.suppression.repository.BounceFactRepository;
import jp.foodtrace.mail.suppression.repository.SuppressionRepository;
import jp.foodtrace.messaging.events.BounceRecorded;

/**
 * Who must not get mail. A bounce or complaint acts only on mail we sent: it must name one of our
 * messages to its recipient (Message-ID or SES message id) or, when it names none, follow a send to
 * that recipient within {@code suite.mail.suppression.match-window}; anything else (a forged ARF
 * report, a bounce of mail we never sent) is recorded as unmatched and suppresses nothing. A matched
 * hard bounce or complaint suppresses the address for every category, except that recall mail is
 * stopped by a hard bounce only; an unsubscribe suppresses one category (notice). Soft bounces
 * suppress nothing (SES retries those).
 */
@ApplicationScoped
public class SuppressionService {

    public static final String HARD_BOUNCE = "hard-bounce";
    public static final String COMPLAINT = "complaint";
    public static final String UNSUBSCRIBE = "unsubscribe";

    private static final Logger LOG = Logger.getLogger(SuppressionService.class);

    private final SuppressionRepository suppressions;
    private final BounceFactRepository facts;
    private final MailLogRepository log;
    private final MailConfig config;
    private final MeterRegistry meters;

    public SuppressionService(SuppressionRepository suppressions, BounceFactRepository facts, MailLogRepository log,
            MailConfig config, MeterRegistry meters) {
        this.suppressions = suppressions;
        this.facts = facts;
        this.log = log;
        this.config = config;
        this.meters = meters;
    }

    /** The unsubscribe counters exist from the start (at 0), so that a rate over them is 0, not empty. */
    void registerMeters(@Observes StartupEvent start) {
        for (MailCategory category : MailCategory.values()) {
            if (category.unsubscribable()) {
                meters.counter("suite.mail-service.unsubscribes", "category", category.wireName());
            }
        }
    }

    /**
     * Records a bounce or complaint fact and what it means for its recipient; returns the
     * suppression reason if it suppressed (a matched hard bounce or complaint).
     */
    public Optional<String> onBounce(BounceRecorded bounce) {
        String recipient = MailRequestValidator.normalizedAddress(bounce.recipient());
        Optional<String> reason = reasonOf(bounce);
        String messageId = bounce.originalMessageId() == null || bounce.originalMessageId().isBlank()
                ? null : bounce.originalMessageId().strip();
        Optional<MailLogEntry> mail;
        String match;
        if (messageId != null) {
            mail = log.sentByMessageId(messageId, recipient);
            match = BounceFact.MATCH_MESSAGE_ID;
        } else {
            Instant now = Instant.now();
            Instant at = bounce.at() == null || bounce.at().isAfter(now) ? now : bounce.at();
            mail = log.sentToSince(recipient, at.minus(config.suppression().matchWindow()));
            match = BounceFact.MATCH_RECIPIENT_WINDOW;
        }
        if (mail.isEmpty()) {
            match = BounceFact.UNMATCHED;
        }
        boolean suppresses = mail.isPresent() && reason.isPresent();
        BounceFact fact = new BounceFact(bounce.bounceId(), recipient, reason.orElse(BounceFact.SOFT_BOUNCE),
                bounce.reason(), bounce.feedbackType(), messageId, match,
                mail.map(MailLogEntry::requestId).orElse(null), suppresses, bounce.at(), null);
        if (!facts.insert(fact)) {
            LOG.debugf("bounce %s was recorded before; nothing changes", bounce.bounceId());
            return Optional.empty();
        }
        meters.counter("suite.mail_service.bounce.facts", "match", match).increment();
        if (mail.isEmpty()) {
            LOG.warnf("bounce %s (%s) for %s matches no mail we sent%s; recorded as unmatched, suppresses nothing",
                    bounce.bounceId(), fact.kind(), recipient, messageId == null ? "" : " (message id " + messageId + ")");
            return Optional.empty();
        }
        if (reason.isEmpty()) {
            LOG.debugf("bounce %s (%s) of a recipient suppresses nothing", bounce.bounceId(), bounce.reason());
            return reason;
        }
        if (suppressions.add(recipient, SuppressionRepository.ALL_CATEGORIES, reason.get(), bounce.bounceId())) {
            meters.counter("suite.mail_service.suppressions", "reason", reason.get()).increment();
        }
        if (HARD_BOUNCE.equals(reason.get()) && BounceFact.MATCH_MESSAGE_ID.equals(match)) {
            // The very mail is known: report it BOUNCED (sync-service shows it for a recall's store).
            log.markBounced(mail.get().requestId(), bounce.bounceId());
        }
        return reason;
    }

    /** Complaint if there is a feedback type (an ARF report), hard bounce if flagged so, else nothing. */
    static Optional<String> reasonOf(BounceRecorded bounce) {
        if (bounce.feedbackType() != null && !bounce.feedbackType().isBlank()) {
            return Optional.of(COMPLAINT);
        }
        if (bounce.hardBounce()) {
            return Optional.of(HARD_BOUNCE);
        }
        return Optional.empty();
    }

    /**
     * Unsubscribes a recipient from one category; false if already unsubscribed (or suppressed for
     * it). Only notice mail can be unsubscribed from.
     */
    public boolean unsubscribe(String recipient, MailCategory category, String sourceRef) {
        if (!category.unsubscribable()) {
            throw new IllegalArgumentException("no unsubscribe from " + category.wireName() + " mail");
        }
        boolean added = suppressions.add(recipient.toLowerCase(Locale.ROOT), category.wireName(), UNSUBSCRIBE, sourceRef);
        if (added) {
            meters.counter("suite.mail_service.suppressions", "reason", UNSUBSCRIBE).increment();
            meters.counter("suite.mail-service.unsubscribes", "category", category.wireName()).increment();
        }
        return added;
    }

    public Optional<String> suppressed(String recipient, MailCategory category) {
        return suppressions.reasonFor(recipient.toLowerCase(Locale.ROOT), category);
    }

    /** Recorded facts of one match kind, newest first (the ops list of unmatched facts). */
    public List<BounceFact> facts(String match, int limit) {
        return facts.byMatch(match, limit);
    }
}
