package jp.foodtrace.order.messaging;

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

    @Incoming(Channels.TERMINAL_ORDERS)
    @Blocking
    @Transactional
    public void onTerminalOrders(ConsumerRecord<String, String> record) {
        intake.accept(record, event -> LOG.debugf("terminal-orders: %s %s for %s", event.type(), event.id(), event.aggregateId()));
    }

    @Incoming(Channels.MASTER_PRODUCTS)
    @Blocking
    @Transactional
    public void onMasterProducts(ConsumerRecord<String, String> record) {
        intake.accept(record, event -> LOG.debugf("master-products: %s %s for %s", event.type(), event.id(), event.aggregateId()));
    }

    @Incoming(Channels.MASTER_STORES)
    @Blocking
    @Transactional
    public void onMasterStores(ConsumerRecord<String, String> record) {
        intake.accept(record, event -> LOG.debugf("master-stores: %s %s for %s", event.type(), event.id(), event.aggregateId()));
    }

    @Incoming(Channels.SHIPMENTS)
    @Blocking
    @Transactional
    public void onShipments(ConsumerRecord<String, String> record) {
        intake.accept(record, event -> LOG.debugf("shipments: %s %s for %s", event.type(), event.id(), event.aggregateId()));
    }
}
