package jp.foodtrace.sync.shipment.service;

import static jp.foodtrace.sync.batch.Batches.required;
import static jp.foodtrace.sync.batch.Batches.requiredCode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.messaging.events.ShipmentRecorded;
import jp.foodtrace.sync.batch.Batches;
import jp.foodtrace.sync.batch.Batches.Upserted;
import jp.foodtrace.sync.batch.Entry;
import jp.foodtrace.sync.batch.Outcome;
import jp.foodtrace.sync.batch.Rejected;
import jp.foodtrace.sync.master.repository.MasterRepository;
import jp.foodtrace.sync.messaging.Outbox;
import jp.foodtrace.sync.shipment.repository.ShipmentRepository;
import jp.foodtrace.sync.shipment.rest.ShipmentInput;
import jp.foodtrace.text.Codes;

/** Batch upserts of shipments, idempotent by shipment id; new and changed ones go to {@code shipments.v1}. */
@ApplicationScoped
public class ShipmentService {

    private final ShipmentRepository shipments;
    private final MasterRepository master;
    private final Outbox outbox;
    private final MeterRegistry meters;

    public ShipmentService(ShipmentRepository shipments, MasterRepository master, Outbox outbox, MeterRegistry meters) {
        this.shipments = shipments;
        this.master = master;
        this.outbox = outbox;
        this.meters = meters;
    }

    @Transactional
    public Batches.Run upsert(List<Entry<ShipmentInput>> entries) {
        return Batches.run("shipment", entries, in -> Codes.normalize(in.shipmentId()), this::upsert, meters);
    }

    Upserted upsert(ShipmentInput in) {
        ShipmentRecorded event = toEvent(in);
        if (!master.storeExists(event.storeCode())) {
            throw new Rejected("unknown store " + event.storeCode());
        }
        for (ShipmentRecorded.Line line : event.lines()) {
            if (!master.productExists(line.itemCode())) {
                throw new Rejected("unknown item " + line.itemCode());
            }
        }
        String content = outbox.toJson(event);
        Optional<String> stored = shipments.content(event.shipmentId());
        if (stored.isPresent() && stored.get().equals(content)) {
            return Upserted.unchanged();
        }
        shipments.save(event, content);
        return new Upserted(stored.isPresent() ? Outcome.UPDATED : Outcome.CREATED,
                outbox.add(Topics.SHIPMENTS, event.storeCode(), event));
    }

    /**
     * Validates an uploaded shipment and maps it to its event (order ids de-duplicated, in order;
     * codes in any width read as ASCII).
     */
    static ShipmentRecorded toEvent(ShipmentInput in) {
        String id = requiredCode(in.shipmentId(), "shipmentId");
        String store = requiredCode(in.storeCode(), "storeCode");
        required(in.shippedAt(), "shippedAt");
        if (in.lines() == null || in.lines().isEmpty()) {
            throw new Rejected("a shipment needs at least one line");
        }
        List<ShipmentRecorded.Line> lines = new ArrayList<>();
        for (int i = 0; i < in.lines().size(); i++) {
            ShipmentInput.Line line = in.lines().get(i);
            if (line == null) {
                throw new Rejected("line " + (i + 1) + " is empty");
            }
            long quantity = required(line.quantity(), "lines[" + i + "].quantity");
            if (quantity <= 0) {
                throw new Rejected("lines[" + i + "].quantity must be positive");
            }
            lines.add(new ShipmentRecorded.Line(requiredCode(line.itemCode(), "lines[" + i + "].itemCode"),
                    requiredCode(line.lotNumber(), "lines[" + i + "].lotNumber"), quantity));
        }
        List<String> orders = in.orderIds() == null ? List.of()
                : List.copyOf(new LinkedHashSet<>(in.orderIds().stream().filter(o -> o != null && !o.isBlank())
                        .map(Codes::normalize).toList()));
        return new ShipmentRecorded(id, store, in.shippedAt(), orders, List.copyOf(lines));
    }
}
