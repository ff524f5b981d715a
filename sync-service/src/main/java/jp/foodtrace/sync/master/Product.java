package jp.foodtrace.sync.master;

import java.time.Instant;

/** A product as HQ sent it; {@code version} increases with every change. */
public record Product(String itemCode, String name, String unit, boolean orderable, int minQuantity, int maxQuantity,
        long version, Instant updatedAt) {
}
