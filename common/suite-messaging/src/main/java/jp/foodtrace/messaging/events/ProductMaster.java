package jp.foodtrace.messaging.events;

/**
 * {@code master.products.v1} (compacted), key item code: the latest product master as sent by
 * HQ. {@code version} increases with every change, for incremental downloads.
 */
public record ProductMaster(String itemCode, String name, String unit, boolean orderable, int minQuantity,
        int maxQuantity, long version) {
}
