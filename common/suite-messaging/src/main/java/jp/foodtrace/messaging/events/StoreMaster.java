package jp.foodtrace.messaging.events;

import java.time.LocalTime;

/**
 * {@code master.stores.v1} (compacted), key store code: the latest store master as sent by HQ;
 * {@code cutOffTime} is the daily order cut-off (Japan time).
 */
public record StoreMaster(String storeCode, String name, LocalTime cutOffTime, String contactEmail, long version) {
}
