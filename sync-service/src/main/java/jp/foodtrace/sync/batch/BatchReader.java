package jp.foodtrace.sync.batch;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.foodtrace.sync.csv.Csv;
import jp.foodtrace.sync.problem.ProblemException;

/**
 * Reads an uploaded batch into entries, one per record, so that a record that cannot be read is
 * rejected alone: a JSON array is converted element by element, a CSV upload row by row (the
 * first row is the header and is checked against the expected columns).
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
        Charset charset = Csv.charset(charsetName).orElseThrow(() -> new ProblemException(415, "unsupported-charset",
                "Unsupported media type", "CSV is read in UTF-8 or Shift_JIS"));
        List<Csv.Row> rows;
        try {
            rows = Csv.parse(new String(body, charset));
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("malformed-csv", e.getMessage());
        }
        if (rows.isEmpty() || !rows.get(0).fields().stream().map(String::strip).map(String::toLowerCase).toList()
                .equals(header)) {
            throw ProblemException.badRequest("malformed-csv", "the first line must be the header " + String.join(",", header));
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

    /** Groups consecutive CSV rows with the same first column (one record spread over several lines). */
    public static List<List<Csv.Row>> groupByFirstColumn(List<Csv.Row> rows) {
        List<List<Csv.Row>> groups = new ArrayList<>();
        for (Csv.Row row : rows) {
            if (groups.isEmpty() || !groups.get(groups.size() - 1).get(0).field(0).equals(row.field(0))) {
                groups.add(new ArrayList<>());
            }
            groups.get(groups.size() - 1).add(row);
        }
        return groups;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
