package jp.foodtrace.gateway.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

/**
 * API model of an order as a terminal sends it: its store, the terminal's own sequence number,
 * the delivery date and the lines.
 */
public record OrderRequest(String storeCode, Long sequence, LocalDate deliveryDate, List<Line> lines) {

    /** One order line: JAN/GTIN-13 item code, quantity and unit (e.g. CS for case, PC for piece). */
    public record Line(String itemCode, Integer quantity, String unit) {
    }

    /**
     * Fingerprint of the order's content: a resend with the same sequence and the same
     * fingerprint is the same order; with another fingerprint it is a conflict.
     */
    public String fingerprint() {
        StringBuilder canonical = new StringBuilder()
                .append(storeCode).append('|').append(sequence).append('|').append(deliveryDate);
        for (Line line : lines) {
            canonical.append('|').append(line.itemCode()).append(',').append(line.quantity()).append(',')
                    .append(line.unit());
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
