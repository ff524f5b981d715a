package jp.foodtrace.messaging.events;

/** One line of a terminal order: item (JAN/GTIN-13), quantity and unit as ordered. */
public record OrderLine(int lineNo, String itemCode, int quantity, String unit) {
}
