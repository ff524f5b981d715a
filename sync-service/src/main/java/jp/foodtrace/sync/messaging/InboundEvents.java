package jp.foodtrace.sync.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.foodtrace.messaging.EventIntake;

/**
 * Every topic this service consumes, taken through the {@link EventIntake}: envelope checked,
 * redeliveries dropped, malformed records dead-lettered, consumption counted. The handling of
 * each payload is added here as the service's features arrive.
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    private final EventIntake intake;

    public InboundEvents(EventIntake intake) {
        this.intake = intake;
    }

    @Incoming(Channels.ORDERS_ACCEPTED)
    @Blocking
    @Transactional
    public void onOrdersAccepted(ConsumerRecord<String, String> record) {
        intake.accept(record, event -> LOG.debugf("orders-accepted: %s %s for %s", event.type(), event.id(), event.aggregateId()));
    }
}
