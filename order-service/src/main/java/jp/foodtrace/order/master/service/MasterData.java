package jp.foodtrace.order.master.service;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.messaging.PermanentFailure;
import jp.foodtrace.messaging.events.ProductMaster;
import jp.foodtrace.messaging.events.StoreMaster;
import jp.foodtrace.order.master.Product;
import jp.foodtrace.order.master.Store;

/** Keeps the local copy of master data; an older version replayed from a compacted topic is ignored. */
@ApplicationScoped
public class MasterData {

    public void apply(ProductMaster event) {
        if (event.itemCode() == null || event.name() == null) {
            throw new PermanentFailure("ProductMaster needs itemCode and name");
        }
        Product product = Product.findById(event.itemCode());
        if (product == null) {
            product = new Product();
            product.itemCode = event.itemCode();
        } else if (product.version > event.version()) {
            return;
        }
        product.name = event.name();
        product.unit = event.unit();
        product.orderable = event.orderable();
        product.minQuantity = event.minQuantity();
        product.maxQuantity = event.maxQuantity();
        product.version = event.version();
        product.persist();
    }

    public void apply(StoreMaster event) {
        if (event.storeCode() == null || event.name() == null) {
            throw new PermanentFailure("StoreMaster needs storeCode and name");
        }
        Store store = Store.findById(event.storeCode());
        if (store == null) {
            store = new Store();
            store.storeCode = event.storeCode();
        } else if (store.version > event.version()) {
            return;
        }
        store.name = event.name();
        store.cutOffTime = event.cutOffTime();
        store.contactEmail = event.contactEmail();
        store.version = event.version();
        store.persist();
    }
}
