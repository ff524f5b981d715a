package jp.foodtrace.gateway.access;

/** A terminal whose credential and source address were verified for this request. */
public record AuthenticatedTerminal(String terminalId, String storeCode, String sourceAddress) {
}
