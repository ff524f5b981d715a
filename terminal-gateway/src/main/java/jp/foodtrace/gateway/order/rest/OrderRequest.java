package jp.foodtrace.gateway.order.rest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;

import jp.foodtrace.text.Codes;
import jp.foodtrace.text.Gtin;

/**
 * API model of an order as a terminal sends it: its store, the terminal's own sequence number,
 * the delivery date and the lines.
 */
public record OrderRequest(String storeCode, Long sequence, LocalDate deliveryDate, List<Line> lines) {

    /**
     * One order line: JAN item code (GTIN-13 or GTIN-8), quantity and unit (e.g. CS for case, PC
     * for piece). The quantity may also be sent as text in any width ({@code "１２"}).
     */
    public record Line(String itemCode, @JsonDeserialize(using = WholeNumber.class) Integer quantity, String unit) {
    }

    /**
     * The order with its codes as people type them on Japanese keyboards read as ASCII: store code,
     * item codes and units through {@link Codes#normalize} (full-width {@code ＣＳ} is {@code CS}),
     * item codes that are a valid JAN in their ASCII digits. JSON and CSV orders both pass here, so
     * that the same order has the same fingerprint and event whichever way it came.
     */
    public OrderRequest normalized() {
        List<Line> normalizedLines = lines == null ? null : lines.stream()
                .map(line -> line == null ? null : new Line(
                        Gtin.parse(line.itemCode()).orElse(Codes.normalize(line.itemCode())), line.quantity(),
                        Codes.normalize(line.unit())))
                .toList();
        return new OrderRequest(Codes.normalize(storeCode), sequence, deliveryDate, normalizedLines);
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

    /**
     * A whole number given as a JSON number or as text in any width ({@link Codes#parseInt});
     * other text is a malformed body.
     */
    public static final class WholeNumber extends JsonDeserializer<Integer> {

        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_STRING) {
                String text = parser.getText();
                try {
                    return Codes.parseInt(text);
                } catch (NumberFormatException e) {
                    return (Integer) context.handleWeirdStringValue(Integer.class, text, "not a whole number");
                }
            }
            return context.readValue(parser, Integer.class);
        }
    }
}
