package jp.foodtrace.gateway.terminal.rest;

/**
 * API model of one terminal registration: store, registered source (IP or CIDR) and key (only
 * ever received, never returned).
 */
public record TerminalRegistration(String storeCode, String source, String key) {
}
