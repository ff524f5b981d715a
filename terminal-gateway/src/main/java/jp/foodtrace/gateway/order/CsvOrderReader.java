package jp.foodtrace.gateway.order;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jp.foodtrace.gateway.csv.Csv;
import jp.foodtrace.gateway.problem.Problem;

/**
 * Reads a CSV batch of orders, one line per order line, columns
 * {@code store_code,sequence,delivery_date,item_code,quantity,unit} (a header line with these
 * names is optional; dates as YYYY-MM-DD or YYYYMMDD). Lines with the same sequence form one
 * order. A line that cannot be read marks its own order as rejected; a line whose sequence
 * cannot be read stands alone as an error.
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

    public static Batch read(String text) {
        Map<Long, Builder> orders = new LinkedHashMap<>();
        List<Problem.Detail> unattributed = new ArrayList<>();
        for (Csv.Row row : Csv.parse(text)) {
            if (orders.isEmpty() && unattributed.isEmpty() && row.field(0).equalsIgnoreCase(COLUMNS.get(0))) {
                continue;
            }
            if (row.fields().size() != COLUMNS.size()) {
                unattributed.add(new Problem.Detail(row.line(), null, "wrong-column-count",
                        "expected " + COLUMNS.size() + " columns (" + String.join(",", COLUMNS) + "), found "
                                + row.fields().size()));
                continue;
            }
            long sequence;
            try {
                sequence = Long.parseLong(row.field(1));
            } catch (NumberFormatException e) {
                unattributed.add(new Problem.Detail(row.line(), "sequence", "invalid-sequence",
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
            this.storeCode = first.field(0);
            this.date = first.field(2);
            try {
                this.deliveryDate = date.contains("-") ? LocalDate.parse(date) : LocalDate.parse(date, COMPACT);
            } catch (DateTimeParseException e) {
                errors.add(new Problem.Detail(first.line(), "delivery_date", "invalid-date",
                        "delivery date must be YYYY-MM-DD or YYYYMMDD: " + date));
            }
        }

        void add(Csv.Row row) {
            if (!row.field(0).equals(storeCode) || !row.field(2).equals(date)) {
                errors.add(new Problem.Detail(row.line(), "store_code", "inconsistent-order",
                        "all lines of sequence " + sequence + " must have the same store code and delivery date"));
            }
            Integer quantity = null;
            try {
                quantity = Integer.parseInt(row.field(4));
            } catch (NumberFormatException e) {
                errors.add(new Problem.Detail(row.line(), "quantity", "invalid-quantity",
                        "quantity is not a whole number: " + row.field(4)));
            }
            lines.add(new OrderRequest.Line(row.field(3), quantity, row.field(5)));
            lineNumbers.add(row.line());
        }

        CsvOrder build() {
            return new CsvOrder(sequence, new OrderRequest(storeCode, sequence, deliveryDate, List.copyOf(lines)),
                    List.copyOf(lineNumbers), List.copyOf(errors));
        }
    }
}
