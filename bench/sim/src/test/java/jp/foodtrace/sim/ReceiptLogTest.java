package jp.foodtrace.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptLogTest {

    @TempDir
    Path home;

    @Test
    void everyReceiptIsOnDiskAndInLatestBeforeTheRunEnds() throws Exception {
        ReceiptLog log = new ReceiptLog(home.resolve("receipts-1.csv"), home.resolve("receipts-latest.csv"));
        log.acknowledged("T00001", 7, "R-1");
        log.unacknowledged("T00002", 7);

        // Not closed: what a killed run leaves behind.
        assertEquals(List.of(ReceiptLog.HEADER, "T00001,7,R-1", "T00002,7,"),
                Reconcile.lines(home.resolve("receipts-latest.csv")));
        log.close();
    }

    @Test
    void incompleteLastLineOfAnInterruptedRunIsIgnored() throws Exception {
        Path file = home.resolve("receipts-2.csv");
        Files.writeString(file, ReceiptLog.HEADER + "\nT00001,7,R-1\nT00002,7,R-2\nT00003,7,R-", StandardCharsets.UTF_8);

        assertEquals(List.of(ReceiptLog.HEADER, "T00001,7,R-1", "T00002,7,R-2"), Reconcile.lines(file));
    }
}
