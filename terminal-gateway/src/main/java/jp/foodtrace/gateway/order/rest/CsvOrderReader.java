package jp.foodtrace.gateway.order.rest;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.foodtrace.rest.Problem;
import jp.foodtrace.text.Codes;
import jp.foodtrace.text.Csv;

/**
 * Reads a CSV batch of orders, one line per order line, columns
 * {@code store_code,sequence,delivery_date,item_code,quantity,unit} (a header line with these
 * names is optional; dates as YYYY-MM-DD or YYYYMMDD). Lines with the same sequence form one
 * order. A line that cannot be read marks its own order as rejected; a line whose sequence
 * cannot be read stands alone as an error. Codes, numbers, dates and units may be typed in
 * full width ({@link Codes}); the order is {@link OrderRequest#normalized() normalised} as a JSON
 * order is.
 */
public final class CsvOrderReader {

    public static final List<String> COLUMNS = List.of("store_code", "sequence", "delivery_date", "item_code",
            "quantity", "unit");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;

    private CsvOrderReader() {
    }

    /** One order of the batch: its request, the file line of each order line, and read errors. */
    public record CsvOrder(long sequence, OrderRequest request, List<Integer> lines, List<Problem.Detail> errors) {
    }

    public record Batch(List<CsvOrder> orders, List<Problem.Detail> unattributed) {
    }

    public static Batch read(List<Csv.Row> rows) {
        Map<Long, Builder> orders = new LinkedHashMap<>();
        List<Problem.Detail> unattributed = new ArrayList<>();
        for (Csv.Row row : rows) {
            if (orders.isEmpty() && unattributed.isEmpty() && row.field(0).equalsIgnoreCase(COLUMNS.get(0))) {
                continue;
            }
            if (row.size() != COLUMNS.size()) {
                unattributed.add(Problem.Detail.ofField(row.line(), null, "wrong-column-count",
                        "expected " + COLUMNS.size() + " columns (" + String.join(",", COLUMNS) + "), found "
                                + row.size()));
                continue;
            }
            long sequence;
            try {
                sequence = Long.parseLong(Codes.normalize(row.field(1)));
            } catch (NumberFormatException e) {
                unattributed.add(Problem.Detail.ofField(row.line(), "sequence", "invalid-sequence",
                        "sequence is not a number: " + row.field(1)));
                continue;
            }
            orders.computeIfAbsent(sequence, s -> new Builder(s, row)).add(row);
        }
        return new Batch(orders.values().stream().map(Builder::build).toList(), unattributed);
    }

    private static final class Builder {
        private final long sequence;
        private final String storeCode;
        private final String date;
        private LocalDate deliveryDate;
        private final List<OrderRequest.Line> lines = new ArrayList<>();
        private final List<Integer> lineNumbers = new ArrayList<>();
        private final List<Problem.Detail> errors = new ArrayList<>();

        Builder(long sequence, Csv.Row first) {
            this.sequence = sequence;
            this.storeCode = Codes.normalize(first.field(0));
            this.date = Codes.normalize(first.field(2));
            try {
                this.deliveryDate = date.contains("-") ? LocalDate.parse(date) : LocalDate.parse(date, COMPACT);
            } catch (DateTimeParseException e) {
                errors.add(Problem.Detail.ofField(first.line(), "delivery_date", "invalid-date",
                        "delivery date must be YYYY-MM-DD or YYYYMMDD: " + first.field(2)));
            }
        }

        void add(Csv.Row row) {
            if (!Codes.normalize(row.field(0)).equals(storeCode) || !Codes.normalize(row.field(2)).equals(date)) {
                errors.add(Problem.Detail.ofField(row.line(), "store_code", "inconsistent-order",
                        "all lines of sequence " + sequence + " must have the same store code and delivery date"));
            }
            Integer quantity = null;
            try {
                quantity = Codes.parseInt(row.field(4));
            } catch (NumberFormatException e) {
                errors.add(Problem.Detail.ofField(row.line(), "quantity", "invalid-quantity",
                        "quantity is not a whole number: " + row.field(4)));
            }
            lines.add(new OrderRequest.Line(row.field(3), quantity, row.field(5)));
            lineNumbers.add(row.line());
        }

        CsvOrder build() {
            OrderRequest request = new OrderRequest(storeCode, sequence, deliveryDate, List.copyOf(lines)).normalized();
            return new CsvOrder(sequence, request, List.copyOf(lineNumbers), List.copyOf(errors));
        }
    }
}
