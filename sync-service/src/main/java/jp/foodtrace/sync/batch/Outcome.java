package jp.foodtrace.sync.batch;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a batch upsert did with one record. */
public enum Outcome {
    CREATED, UNCHANGED, UPDATED, REJECTED;

    @JsonValue
    public String wire() {
        return name().toLowerCase();
    }
}
