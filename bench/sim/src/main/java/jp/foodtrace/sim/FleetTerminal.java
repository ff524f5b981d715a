package jp.foodtrace.sim;

/** One simulated handheld: id, store, the loopback address it sends from, and its key. */
public record FleetTerminal(String terminalId, String storeCode, String address, String key) {
}
