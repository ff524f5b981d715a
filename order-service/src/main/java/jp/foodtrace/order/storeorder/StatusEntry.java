package jp.foodtrace.order.storeorder;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One step of an order's status history. */
@Entity
@Table(name = "order_status_history")
public class StatusEntry extends PanacheEntityBase {

    /**
     * From the column's sequence, {@value StoreOrder#ID_BLOCK} ids per round trip (the sequence's
     * INCREMENT, set in V3): an IDENTITY id would cost one INSERT round trip per row and rule out
     * JDBC batching.
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_status_history_id")
    @SequenceGenerator(name = "order_status_history_id", sequenceName = "order_status_history_id_seq",
            allocationSize = StoreOrder.ID_BLOCK)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "order_id")
    public StoreOrder order;

    public String status;
    public Instant at;
    public String detail;
}
