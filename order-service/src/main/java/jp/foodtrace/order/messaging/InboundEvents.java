package jp.foodtrace.order.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.foodtrace.messaging.EventEnvelope;
import jp.foodtrace.messaging.EventIntake;
import jp.foodtrace.messaging.PermanentFailure;
import jp.foodtrace.messaging.events.ProductMaster;
import jp.foodtrace.messaging.events.ShipmentRecorded;
import jp.foodtrace.messaging.events.StoreMaster;
import jp.foodtrace.messaging.events.TerminalOrderSubmitted;
import jp.foodtrace.order.master.MasterData;
import jp.foodtrace.order.order.OrderIntake;

/**
 * Every topic order-service consumes, through the {@link EventIntake}: envelope checked,
 * redeliveries dropped, malformed records dead-lettered, consumption counted.
 */
@ApplicationScoped
public class InboundEvents {

    private final EventIntake intake;
    private final OrderIntake orders;
    private final MasterData master;
    private final ObjectMapper json;

    public InboundEvents(EventIntake intake, OrderIntake orders, MasterData master, ObjectMapper json) {
        this.intake = intake;
        this.orders = orders;
        this.master = master;
        this.json = json;
    }

    @Incoming(Channels.TERMINAL_ORDERS)
    @Blocking
    @Transactional
    public void onTerminalOrders(ConsumerRecord<String, String> record) {
        intake.accept(record, event -> orders.submitted(event.aggregateId(), read(event, TerminalOrderSubmitted.class)));
    }

    @Incoming(Channels.MASTER_PRODUCTS)
    @Blocking
    @Transactional
    public void onMasterProducts(ConsumerRecord<String, String> record) {
        intake.accept(record, event -> master.apply(read(event, ProductMaster.class)));
    }

    @Incoming(Channels.MASTER_STORES)
    @Blocking
    @Transactional
    public void onMasterStores(ConsumerRecord<String, String> record) {
        intake.accept(record, event -> master.apply(read(event, StoreMaster.class)));
    }

    @Incoming(Channels.SHIPMENTS)
    @Blocking
    @Transactional
    public void onShipments(ConsumerRecord<String, String> record) {
        intake.accept(record, event -> orders.shipped(read(event, ShipmentRecorded.class)));
    }

    private <T> T read(EventEnvelope event, Class<T> type) {
        try {
            T value = json.readValue(event.payload(), type);
            if (value == null) {
                throw new PermanentFailure("empty " + type.getSimpleName());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new PermanentFailure("not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }
}
