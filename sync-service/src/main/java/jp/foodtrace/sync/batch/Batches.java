package jp.foodtrace.sync.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;
import jp.foodtrace.text.Codes;

/**
 * Runs the records of a batch through one upsert each, turning {@link Rejected} into a per-record
 * result so that a bad record never stops the others, and collecting the ids of the events the
 * upserts wrote to the outbox.
 */
public final class Batches {

    /** What one upsert did, and the outbox event it wrote (null when nothing changed). */
    public record Upserted(Outcome outcome, UUID eventId) {
        public static Upserted unchanged() {
            return new Upserted(Outcome.UNCHANGED, null);
        }
    }

    /** Results and the outbox events to wait for. */
    public record Run(BatchResult result, List<UUID> eventIds) {
    }

    private Batches() {
    }

    public static <T> Run run(String kind, List<Entry<T>> entries, Function<T, String> key,
            Function<T, Upserted> upsert, MeterRegistry meters) {
        List<RecordResult> results = new ArrayList<>();
        List<UUID> events = new ArrayList<>();
        for (Entry<T> entry : entries) {
            RecordResult result;
            if (entry.value() == null) {
                result = entry.result(null, Outcome.REJECTED, entry.unreadable());
            } else {
                String k = key.apply(entry.value());
                try {
                    Upserted done = upsert.apply(entry.value());
                    if (done.eventId() != null) {
                        events.add(done.eventId());
                    }
                    result = entry.result(k, done.outcome(), null);
                } catch (Rejected e) {
                    result = entry.result(k, Outcome.REJECTED, e.getMessage());
                }
            }
            meters.counter("suite.sync-service.records.upserted", "kind", kind, "outcome", result.outcome().wire())
                    .increment();
            results.add(result);
        }
        return new Run(BatchResult.of(results), events);
    }

    public static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw new Rejected(field + " is required");
        }
        return value.strip();
    }

    /**
     * A required code, quantity or unit: full-width digits and letters become ASCII
     * ({@code ＳＨ－１} is {@code SH-1}, {@code ＣＳ} is {@code CS}). Never for names.
     */
    public static String requiredCode(String value, String field) {
        return Codes.normalize(required(value, field));
    }

    public static <V> V required(V value, String field) {
        if (value == null) {
            throw new Rejected(field + " is required");
        }
        return value;
    }
}
