package jp.foodtrace.order.master;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Product master as order-service validates against it. */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    @Id
    @Column(name = "item_code")
    public String itemCode;

    public String name;
    public String unit;
    public boolean orderable;

    @Column(name = "min_quantity")
    public int minQuantity;

    @Column(name = "max_quantity")
    public int maxQuantity;

    public long version;
}
