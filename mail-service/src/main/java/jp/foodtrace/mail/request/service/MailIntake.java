package jp.foodtrace.mail.request.service;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import jp.foodtrace.mail.request.MailLogEntry;
import jp.foodtrace.mail.request.MailRequest;
import jp.foodtrace.mail.request.repository.MailLogRepository;
import jp.foodtrace.mail.sender.Sender;
import jp.foodtrace.mail.sender.rest.SenderFilter;

/**
 * Takes mail requests from REST and from the topic into the mail log. Only records them: the
 * dispatcher sends, outside any consumer transaction, so that a rolled-back consumer can never
 * have sent a mail.
 */
@ApplicationScoped
public class MailIntake {

    /** Where a request came from, recorded in the log. */
    public static final String ORIGIN_REST = "rest";
    public static final String ORIGIN_TOPIC = "topic";

    private final MailLogRepository log;
    private final Event<MailQueued> queued;
    private final MeterRegistry meters;

    public MailIntake(MailLogRepository log, Event<MailQueued> queued, MeterRegistry meters) {
        this.log = log;
        this.queued = queued;
        this.meters = meters;
    }

    /** The outcome of taking a request: the log entry and whether this call created it. */
    public record Accepted(MailLogEntry entry, boolean created) {
    }

    /** Validates and records; an already known request id changes nothing and returns the existing entry. */
    @Transactional
    public Accepted accept(String requestId, String recipient, String templateId, String locale, String category,
            Map<String, Object> parameters, String origin) {
        return accept(requestId, recipient, templateId, locale, category, parameters, origin, null);
    }

    /**
     * Validates and records a request of a sender (null: from the topic, trusted by its ACLs). A
     * sender's request must be of a category it may request (403 otherwise) and is stored as
     * {@code <sender>/<requestId>}, so its id never meets another sender's.
     */
    @Transactional
    public Accepted accept(String requestId, String recipient, String templateId, String locale, String category,
            Map<String, Object> parameters, String origin, Sender sender) {
        MailRequest request;
        try {
            request = MailRequestValidator.validate(requestId, recipient, templateId, locale, category, parameters);
        } catch (InvalidMailRequest e) {
            meters.counter("suite.mail_service.requests", "origin", origin, "result", "invalid").increment();
            throw e;
        }
        if (sender != null) {
            if (!sender.allows(request.category())) {
                meters.counter("suite.mail_service.requests", "origin", origin, "result", "forbidden").increment();
                throw SenderFilter.forbidden(meters, "category-not-allowed", "sender " + sender.name()
                        + " may not request " + request.category().wireName() + " mail");
            }
            request = new MailRequest(sender.scoped(request.requestId()), request.recipient(), request.templateId(),
                    request.locale(), request.category(), request.parameters());
        }
        boolean created = log.insert(request, origin, sender == null ? null : sender.name());
        meters.counter("suite.mail_service.requests", "origin", origin, "result", created ? "accepted" : "duplicate")
                .increment();
        if (created) {
            queued.fire(new MailQueued(request.requestId()));
        }
        String key = request.requestId();
        MailLogEntry entry = log.find(key).orElseThrow(() -> new IllegalStateException("request vanished: " + key));
        return new Accepted(entry, created);
    }
}
