package jp.foodtrace.order.storeorder;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One line of an order, with its rejection reason where it was refused. */
@Entity
@Table(name = "order_line")
public class StoreOrderLine extends PanacheEntityBase {

    /**
     * From the column's sequence, {@value StoreOrder#ID_BLOCK} ids per round trip (the sequence's
     * INCREMENT, set in V3): an IDENTITY id would cost one INSERT round trip per row and rule out
     * JDBC batching.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_line_id")
    @SequenceGenerator(name = "order_line_id", sequenceName = "order_line_id_seq",
            allocationSize = StoreOrder.ID_BLOCK)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    public StoreOrder order;

    @Column(name = "line_no")
    public int lineNo;

    @Column(name = "item_code")
    public String itemCode;

    public int quantity;
    public String unit;

    @Column(name = "rejection_code")
    public String rejectionCode;

    @Column(name = "rejection_reason")
    public String rejectionReason;
}
