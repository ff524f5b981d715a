package jp.foodtrace.mail.suppression.service;

import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import jp.foodtrace.mail.request.MailCategory;
import jp.foodtrace.mail.request.service.MailRequestValidator;
import jp.foodtrace.mail.suppression.repository.SuppressionRepository;
import jp.foodtrace.messaging.events.BounceRecorded;

/**
 * Who must not get mail: hard bounces and complaints suppress an address for every category;
 * an unsubscribe suppresses one category. Soft bounces suppress nothing (SES retries those).
 */
@ApplicationScoped
public class SuppressionService {

    public static final String HARD_BOUNCE = "hard-bounce";
    public static final String COMPLAINT = "complaint";
    public static final String UNSUBSCRIBE = "unsubscribe";

    private static final Logger LOG = Logger.getLogger(SuppressionService.class);

    private final SuppressionRepository suppressions;
    private final MeterRegistry meters;

    public SuppressionService(SuppressionRepository suppressions, MeterRegistry meters) {
        this.suppressions = suppressions;
        this.meters = meters;
    }

    /** Records what a bounce means for its recipient; returns the suppression reason, if any. */
    public Optional<String> onBounce(BounceRecorded bounce) {
        Optional<String> reason = reasonOf(bounce);
        if (reason.isEmpty()) {
            LOG.debugf("bounce %s (%s) of a recipient suppresses nothing", bounce.bounceId(), bounce.reason());
            return reason;
        }
        String recipient = MailRequestValidator.normalizedAddress(bounce.recipient());
        if (suppressions.add(recipient, SuppressionRepository.ALL_CATEGORIES, reason.get(), bounce.bounceId())) {
            meters.counter("suite.mail_service.suppressions", "reason", reason.get()).increment();
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

    /** Unsubscribes a recipient from one category; false if already unsubscribed (or suppressed for it). */
    public boolean unsubscribe(String recipient, MailCategory category, String sourceRef) {
        boolean added = suppressions.add(recipient.toLowerCase(Locale.ROOT), category.wireName(), UNSUBSCRIBE, sourceRef);
        if (added) {
            meters.counter("suite.mail_service.suppressions", "reason", UNSUBSCRIBE).increment();
        }
        return added;
    }

    public Optional<String> suppressed(String recipient, MailCategory category) {
        return suppressions.reasonFor(recipient.toLowerCase(Locale.ROOT), category);
    }
}
