package jp.foodtrace.order.storeorder;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An order from a store terminal, with its lines and status history. */
@Entity(name = "StoreOrder")
@Table(name = "orders")
public class StoreOrder extends PanacheEntityBase {

    /** Ids of lines and history entries taken from their sequences at a time; V3 sets the sequences' INCREMENT to it. */
    public static final int ID_BLOCK = 50;

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "receipt_id")
    public UUID receiptId;

    @Column(name = "terminal_id")
    public String terminalId;

    public long sequence;

    @Column(name = "store_code")
    public String storeCode;

    @Column(name = "delivery_date")
    public LocalDate deliveryDate;

    public String status;

    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "decided_at")
    public Instant decidedAt;

    @Column(name = "shipment_id")
    public String shipmentId;

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("lineNo")
    public List<StoreOrderLine> lines = new ArrayList<>();

    @OneToMany(mappedBy = "order", cascade = CascadeType.ALL)
    @OrderBy("id")
    public List<StatusEntry> history = new ArrayList<>();

    /**
     * The order id is derived from (terminal, sequence), so a replayed or re-sent submission
     * always maps to the same order, and so do the events about it.
     */
    public static UUID idFor(String terminalId, long sequence) {
        return UUID.nameUUIDFromBytes(("order:" + terminalId + ":" + sequence).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public void moveTo(String newStatus, Instant at, String detail) {
        status = newStatus;
        StatusEntry entry = new StatusEntry();
        entry.order = this;
        entry.status = newStatus;
        entry.at = at;
        entry.detail = detail;
        history.add(entry);
    }
}
