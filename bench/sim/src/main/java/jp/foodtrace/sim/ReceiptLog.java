package jp.foodtrace.sim;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * The receipts file of one fleet run ({@code terminal_id,sequence,receipt_id}), written line by
 * line and flushed as each answer arrives, so that a run killed halfway leaves every receipt it
 * got for {@link Reconcile}. An order that got no receipt is written with an empty receipt id: the
 * terminal was never told it was received, so reconciliation reports it as unacknowledged (and
 * not as an extra order if it reached the feed after all). {@code receipts-latest.csv} is a
 * symbolic link to the file from the start of the run, or a copy made at its end where links are
 * not available.
 */
final class ReceiptLog implements AutoCloseable {

    static final String HEADER = "terminal_id,sequence,receipt_id";

    private final Path file;
    private final Path latest;
    private final BufferedWriter writer;
    private final boolean linked;

    ReceiptLog(Path file, Path latest) throws IOException {
        this.file = file;
        this.latest = latest;
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        writer.write(HEADER + "\n");
        writer.flush();
        this.linked = link();
    }

    Path file() {
        return file;
    }

    synchronized void acknowledged(String terminalId, long sequence, String receiptId) throws IOException {
        line(terminalId + "," + sequence + "," + receiptId);
    }

    synchronized void unacknowledged(String terminalId, long sequence) throws IOException {
        line(terminalId + "," + sequence + ",");
    }

    private void line(String line) throws IOException {
        writer.write(line + "\n");
        writer.flush();
    }

    private boolean link() {
        try {
            Files.deleteIfExists(latest);
            Files.createSymbolicLink(latest, latest.toAbsolutePath().getParent().relativize(file.toAbsolutePath()));
            return true;
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
        if (!linked) {
            Files.copy(file, latest, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
