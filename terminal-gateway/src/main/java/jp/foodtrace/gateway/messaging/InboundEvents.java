package jp.foodtrace.gateway.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.foodtrace.gateway.master.repository.MasterDataRepository;
import jp.foodtrace.gateway.order.StatusDetail;
import jp.foodtrace.gateway.order.repository.SubmissionRepository;
import jp.foodtrace.messaging.BatchIntake;
import jp.foodtrace.messaging.EventIntake;
import jp.foodtrace.messaging.PermanentFailure;
import jp.foodtrace.messaging.events.OrderStatusChanged;
import jp.foodtrace.messaging.events.ProductMaster;
import jp.foodtrace.messaging.events.StoreMaster;

/**
 * What the gateway learns from Kafka: order status for the terminals, and the master data they
 * download. Every record goes through the {@link EventIntake} (envelope check, de-duplication,
 * dead-lettering of malformed records).
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    private final EventIntake intake;
    private final BatchIntake batches;
    private final SubmissionRepository submissions;
    private final MasterDataRepository master;
    private final ObjectMapper json;

    public InboundEvents(EventIntake intake, BatchIntake batches, SubmissionRepository submissions,
            MasterDataRepository master, ObjectMapper json) {
        this.intake = intake;
        this.batches = batches;
        this.submissions = submissions;
        this.master = master;
        this.json = json;
    }

    /**
     * Status changes come one per order and more (accepted, shipped), as many as orders arrive: a
     * poll is applied in one transaction and one statement ({@link BatchIntake}), not one
     * transaction per record, which in the rush competed with the receipt writer for the database
     * and the cores.
     */
    @Incoming(Channels.ORDERS_STATUS)
    @Blocking
    public void onOrdersStatus(ConsumerRecords<String, String> records) {
        batches.consume(records, event -> {
            OrderStatusChanged status = event.payloadAs(OrderStatusChanged.class, json);
            UUID receipt;
            try {
                receipt = UUID.fromString(status.receiptId());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new PermanentFailure("status without a valid receiptId: " + status.receiptId());
            }
            if (!SubmissionRepository.STATUS_RANK.contains(status.status())) {
                throw new PermanentFailure("unknown status " + status.status() + " of receipt " + receipt);
            }
            String detail = write(new StatusDetail(status.orderId(),
                    status.rejections() == null ? List.of() : status.rejections(), status.shipmentId()));
            return new SubmissionRepository.StatusChange(receipt, status.status(), detail, status.at());
        }, changes -> {
            int applied = submissions.updateStatuses(changes);
            if (applied < changes.size()) {
                LOG.debugf("%d of %d status changes not applied (unknown receipt or older status)",
                        changes.size() - applied, changes.size());
            }
        });
    }

    @Incoming(Channels.MASTER_PRODUCTS)
    @Blocking
    public void onMasterProducts(ConsumerRecord<String, String> record) {
        intake.accept(record, event -> {
            ProductMaster product = event.payloadAs(ProductMaster.class, json);
            master.upsert(MasterDataRepository.Kind.PRODUCT, product.itemCode(), product.version(), event.payload());
        });
    }

    @Incoming(Channels.MASTER_STORES)
    @Blocking
    public void onMasterStores(ConsumerRecord<String, String> record) {
        intake.accept(record, event -> {
            StoreMaster store = event.payloadAs(StoreMaster.class, json);
            master.upsert(MasterDataRepository.Kind.STORE, store.storeCode(), store.version(), event.payload());
        });
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
