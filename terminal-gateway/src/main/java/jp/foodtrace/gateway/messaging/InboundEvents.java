package jp.foodtrace.gateway.messaging;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.annotations.Blocking;
import jp.foodtrace.gateway.master.repository.MasterDataRepository;
import jp.foodtrace.gateway.order.StatusDetail;
import jp.foodtrace.gateway.order.repository.SubmissionRepository;
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
    private final SubmissionRepository submissions;
    private final MasterDataRepository master;
    private final ObjectMapper json;

    public InboundEvents(EventIntake intake, SubmissionRepository submissions, MasterDataRepository master,
            ObjectMapper json) {
        this.intake = intake;
        this.submissions = submissions;
        this.master = master;
        this.json = json;
    }

    @Incoming(Channels.ORDERS_STATUS)
    @Blocking
    public void onOrdersStatus(ConsumerRecord<String, String> record) {
        intake.accept(record, event -> {
            OrderStatusChanged status = event.payloadAs(OrderStatusChanged.class, json);
            UUID receipt;
            try {
                receipt = UUID.fromString(status.receiptId());
            } catch (IllegalArgumentException | NullPointerException e) {
                throw new PermanentFailure("status without a valid receiptId: " + status.receiptId());
            }
            String detail = write(new StatusDetail(status.orderId(),
                    status.rejections() == null ? List.of() : status.rejections(), status.shipmentId()));
            if (!submissions.updateStatus(receipt, status.status(), detail, status.at())) {
                LOG.debugf("status %s of receipt %s not applied (unknown receipt or older status)", status.status(),
                        receipt);
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
