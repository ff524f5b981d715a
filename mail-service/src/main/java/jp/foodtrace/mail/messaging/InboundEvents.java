package jp.foodtrace.mail.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.foodtrace.mail.service.InvalidMailRequest;
import jp.foodtrace.mail.service.MailIntake;
import jp.foodtrace.mail.service.SuppressionService;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.EventIntake;
import jp.foodtrace.messaging.PermanentFailure;
import jp.foodtrace.messaging.events.BounceRecorded;
import jp.foodtrace.messaging.events.MailRequested;

/**
 * Every topic this service consumes, taken through the {@link EventIntake}: envelope checked,
 * redeliveries dropped, malformed records dead-lettered, consumption counted. A mail request is
 * only recorded here (the dispatcher sends it after this transaction commits); a bounce or
 * complaint suppresses its recipient.
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    private final EventIntake intake;
    private final MailIntake mail;
    private final SuppressionService suppressions;
    private final ObjectMapper json;

    public InboundEvents(EventIntake intake, MailIntake mail, SuppressionService suppressions, ObjectMapper json) {
        this.intake = intake;
        this.mail = mail;
        this.suppressions = suppressions;
        this.json = json;
    }

    @Incoming(Channels.MAIL_REQUESTS)
    @Blocking
    public void onMailRequests(ConsumerRecord<String, String> record) {
        intake.accept(record, event -> {
            MailRequested request = payload(event, MailRequested.class);
            try {
                mail.accept(request.requestId(), request.recipient(), request.templateId(), request.locale(),
                        request.category(), request.parameters(), MailIntake.ORIGIN_TOPIC);
            } catch (InvalidMailRequest e) {
                throw new PermanentFailure(e.code() + ": " + e.getMessage(), e);
            }
        });
    }

    @Incoming(Channels.MAIL_BOUNCES)
    @Blocking
    public void onMailBounces(ConsumerRecord<String, String> record) {
        intake.accept(record, event -> {
            BounceRecorded bounce = payload(event, BounceRecorded.class);
            try {
                suppressions.onBounce(bounce).ifPresent(reason -> LOG.infof("bounce %s suppresses a recipient (%s)",
                        bounce.bounceId(), reason));
            } catch (InvalidMailRequest e) {
                throw new PermanentFailure("bounce " + bounce.bounceId() + " has no usable recipient", e);
            }
        });
    }

    private <T> T payload(EventEnvelope event, Class<T> type) {
        if (!type.getSimpleName().equals(event.type())) {
            throw new PermanentFailure("unexpected event-type " + event.type() + ", expected " + type.getSimpleName());
        }
        try {
            return json.readValue(event.payload(), type);
        } catch (JsonProcessingException e) {
            throw new PermanentFailure("payload is not a " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
