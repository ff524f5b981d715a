package jp.foodtrace.sync.master;

import java.time.Instant;
import java.time.LocalTime;

/** A store as HQ sent it; {@code contactEmail} receives recall notices. */
public record Store(String storeCode, String name, LocalTime cutOffTime, String contactEmail, long version,
        Instant updatedAt) {
}
