package jp.foodtrace.sync.batch;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The result for one record of a batch: its position (0-based {@code index} in a JSON array, or
 * 1-based {@code line} of a CSV upload, the header being line 1), its key where it had one, the
 * outcome, and for a rejected record the reason.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RecordResult(Integer index, Integer line, String key, Outcome outcome, String reason) {
}
