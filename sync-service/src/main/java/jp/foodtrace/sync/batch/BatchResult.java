package jp.foodtrace.sync.batch;

import java.util.List;

/** Per-record results of a batch upsert, with totals by outcome. */
public record BatchResult(int created, int updated, int unchanged, int rejected, List<RecordResult> results) {

    public static BatchResult of(List<RecordResult> results) {
        return new BatchResult(count(results, Outcome.CREATED), count(results, Outcome.UPDATED),
                count(results, Outcome.UNCHANGED), count(results, Outcome.REJECTED), List.copyOf(results));
    }

    private static int count(List<RecordResult> results, Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
