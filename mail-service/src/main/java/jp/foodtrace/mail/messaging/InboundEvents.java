package jp.foodtrace.mail.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.foodtrace.mail.request.service.InvalidMailRequest;
import jp.foodtrace.mail.request.service.MailIntake;
import jp.foodtrace.mail.suppression.service.SuppressionService;
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
            MailRequested request = event.payloadAs(MailRequested.class, json);
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
            BounceRecorded bounce = event.payloadAs(BounceRecorded.class, json);
            try {
                suppressions.onBounce(bounce).ifPresent(reason -> LOG.infof("bounce %s suppresses a recipient (%s)",
                        bounce.bounceId(), reason));
            } catch (InvalidMailRequest e) {
                throw new PermanentFailure("bounce " + bounce.bounceId() + " has no usable recipient", e);
            }
        });
    }
}
