package jp.foodtrace.sync.batch;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.rest.CsvBodies;
import jp.foodtrace.text.Codes;
import jp.foodtrace.text.Csv;

/**
 * Reads an uploaded batch into entries, one per record, so that a record that cannot be read is
 * rejected alone: a JSON array is converted element by element, a CSV upload row by row (the
 * first row is the header and is checked against the expected columns). A CSV upload that cannot
 * be read at all (charset, bytes, quoting) is refused whole by {@link CsvBodies}.
 */
@ApplicationScoped
public class BatchReader {

    /** Maps one CSV data row to a record; throws {@link Rejected} with the reason when it cannot. */
    @FunctionalInterface
    public interface RowMapper<T> {
        T map(Csv.Row row);
    }

    private final ObjectMapper json;

    public BatchReader(ObjectMapper json) {
        this.json = json;
    }

    public <T> List<Entry<T>> json(String body, Class<T> type) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (JsonProcessingException e) {
            throw ProblemException.badRequest("malformed-json", e.getOriginalMessage());
        }
        if (root == null || !root.isArray()) {
            throw ProblemException.badRequest("malformed-batch", "a batch is a JSON array of records");
        }
        List<Entry<T>> entries = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            try {
                entries.add(Entry.ofIndex(i, json.treeToValue(root.get(i), type)));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                entries.add(Entry.unreadable(i, null, "unreadable record: " + firstLine(e.getMessage())));
            }
        }
        return entries;
    }

    public <T> List<Entry<T>> csv(byte[] body, String charsetName, List<String> header, RowMapper<T> mapper) {
        return csvGrouped(body, charsetName, header, false, rows -> mapper.map(rows.get(0)));
    }

    /**
     * CSV where one record may span several consecutive rows sharing the first column (a shipment
     * and its lines); the record's line is that of its first row.
     */
    public <T> List<Entry<T>> csvGrouped(byte[] body, String charsetName, List<String> header, GroupMapper<T> mapper) {
        return csvGrouped(body, charsetName, header, true, mapper);
    }

    /** Maps the rows of one record; throws {@link Rejected} with the reason when it cannot. */
    @FunctionalInterface
    public interface GroupMapper<T> {
        T map(List<Csv.Row> rows);
    }

    private <T> List<Entry<T>> csvGrouped(byte[] body, String charsetName, List<String> header, boolean grouped,
            GroupMapper<T> mapper) {
        List<Csv.Row> rows = CsvBodies.read(body, charsetName);
        if (rows.isEmpty() || !rows.get(0).fields().stream().map(String::strip).map(String::toLowerCase).toList()
                .equals(header)) {
            throw CsvBodies.malformed(rows.isEmpty() ? 1 : rows.get(0).line(), "wrong-header",
                    "the first line must be the header " + String.join(",", header));
        }
        List<Entry<T>> entries = new ArrayList<>();
        List<Csv.Row> data = rows.subList(1, rows.size());
        List<List<Csv.Row>> groups = grouped ? groupByFirstColumn(data) : data.stream().map(List::of).toList();
        for (List<Csv.Row> group : groups) {
            int line = group.get(0).line();
            try {
                entries.add(Entry.ofLine(line, mapper.map(group)));
            } catch (Rejected e) {
                entries.add(Entry.unreadable(null, line, e.getMessage()));
            } catch (RuntimeException e) {
                entries.add(Entry.unreadable(null, line, "unreadable record: " + e.getMessage()));
            }
        }
        return entries;
    }

    /**
     * Groups consecutive CSV rows with the same first column (one record spread over several lines);
     * the column is a code, so {@code ＳＨ１} and {@code SH1} are the same record.
     */
    public static List<List<Csv.Row>> groupByFirstColumn(List<Csv.Row> rows) {
        List<List<Csv.Row>> groups = new ArrayList<>();
        String current = null;
        for (Csv.Row row : rows) {
            String key = Codes.normalize(row.field(0));
            if (groups.isEmpty() || !key.equals(current)) {
                groups.add(new ArrayList<>());
                current = key;
            }
            groups.get(groups.size() - 1).add(row);
        }
        return groups;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
