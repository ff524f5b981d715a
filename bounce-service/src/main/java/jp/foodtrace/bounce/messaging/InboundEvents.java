package jp.foodtrace.bounce.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.foodtrace.bounce.rate.service.SendLog;
import jp.foodtrace.messaging.EventIntake;

/**
 * Every topic this service consumes, taken through the {@link EventIntake}: envelope checked,
 * redeliveries dropped, malformed records dead-lettered, consumption counted.
 */
@ApplicationScoped
public class InboundEvents {

    private final EventIntake intake;
    private final SendLog sends;

    public InboundEvents(EventIntake intake, SendLog sends) {
        this.intake = intake;
        this.sends = sends;
    }

    /** mail.events.v1: sends, the denominator of the bounce and complaint rates. */
    @Incoming(Channels.MAIL_EVENTS)
    @Blocking
    public void onMailEvents(ConsumerRecord<String, String> record) {
        intake.accept(record, sends::onMailEvent);
    }
}
