package jp.foodtrace.order.master;

import java.time.LocalTime;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Store master as order-service validates against it. */
@Entity
@Table(name = "store")
public class Store extends PanacheEntityBase {

    @Id
    @Column(name = "store_code")
    public String storeCode;

    public String name;

    @Column(name = "cut_off_time")
    public LocalTime cutOffTime;

    @Column(name = "contact_email")
    public String contactEmail;

    public long version;
}
