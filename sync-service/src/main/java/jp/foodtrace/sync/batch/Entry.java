package jp.foodtrace.sync.batch;

/**
 * One record of an uploaded batch, or why it could not even be read, with where it stood in the
 * upload (index for JSON, line for CSV).
 */
public record Entry<T>(Integer index, Integer line, T value, String unreadable) {

    public static <T> Entry<T> ofIndex(int index, T value) {
        return new Entry<>(index, null, value, null);
    }

    public static <T> Entry<T> ofLine(int line, T value) {
        return new Entry<>(null, line, value, null);
    }

    public static <T> Entry<T> unreadable(Integer index, Integer line, String reason) {
        return new Entry<>(index, line, null, reason);
    }

    public RecordResult result(String key, Outcome outcome, String reason) {
        return new RecordResult(index, line, key, outcome, reason);
    }
}
