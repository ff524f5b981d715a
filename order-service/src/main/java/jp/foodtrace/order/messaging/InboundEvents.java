package jp.foodtrace.order.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.foodtrace.messaging.BatchIntake;
import jp.foodtrace.messaging.EventIntake;
import jp.foodtrace.messaging.Tracing;
import jp.foodtrace.messaging.events.ProductMaster;
import jp.foodtrace.messaging.events.ShipmentRecorded;
import jp.foodtrace.messaging.events.StoreMaster;
import jp.foodtrace.messaging.events.TerminalOrderSubmitted;
import jp.foodtrace.order.master.service.MasterData;
import jp.foodtrace.order.storeorder.service.OrderIntake;

/**
 * Every topic order-service consumes: envelope checked, redeliveries dropped, malformed records
 * dead-lettered, consumption counted. Terminal orders and shipments come in volume and are taken
 * a poll at a time through the {@link BatchIntake} (one transaction per poll); master data, a
 * record at a time through the {@link EventIntake}.
 */
@ApplicationScoped
public class InboundEvents {

    private final EventIntake intake;
    private final BatchIntake batches;
    private final OrderIntake orders;
    private final MasterData master;
    private final ObjectMapper json;

    public InboundEvents(EventIntake intake, BatchIntake batches, OrderIntake orders, MasterData master,
            ObjectMapper json) {
        this.intake = intake;
        this.batches = batches;
        this.orders = orders;
        this.master = master;
        this.json = json;
    }

    /** No {@code @Transactional}: the intake runs a transaction per try. */
    @Incoming(Channels.TERMINAL_ORDERS)
    @Blocking
    public void onTerminalOrders(ConsumerRecords<String, String> records) {
        batches.consume(records,
                event -> new OrderIntake.Submission(event.aggregateId(),
                        event.payloadAs(TerminalOrderSubmitted.class, json), Tracing.current()),
                orders::submitted);
    }

    @Incoming(Channels.MASTER_PRODUCTS)
    @Blocking
    public void onMasterProducts(ConsumerRecord<String, String> record) {
        intake.accept(record, event -> master.apply(event.payloadAs(ProductMaster.class, json)));
    }

    @Incoming(Channels.MASTER_STORES)
    @Blocking
    public void onMasterStores(ConsumerRecord<String, String> record) {
        intake.accept(record, event -> master.apply(event.payloadAs(StoreMaster.class, json)));
    }

    @Incoming(Channels.SHIPMENTS)
    @Blocking
    public void onShipments(ConsumerRecords<String, String> records) {
        batches.consume(records,
                event -> new OrderIntake.Shipment(event.payloadAs(ShipmentRecorded.class, json), Tracing.current()),
                orders::shipped);
    }
}
