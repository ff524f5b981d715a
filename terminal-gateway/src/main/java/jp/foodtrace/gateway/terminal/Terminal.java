package jp.foodtrace.gateway.terminal;

import java.time.Instant;

import jp.foodtrace.gateway.access.Cidr;

/** A registered terminal: its store, registered source network and hashed credential. */
public record Terminal(String terminalId, String storeCode, Cidr source, String keySalt, String keyHash,
        Instant lastSeenAt) {
}
