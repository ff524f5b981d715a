package jp.foodtrace.bounce.ingest.service;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Where the ingestion spends its time: one timer {@code suite.bounce_service.ingest.stage} per
 * {@link Stage}, so that S3 calls, analysis, database and broker can be told apart from the
 * management port's {@code /q/metrics} ({@code suite_bounce_service_ingest_stage_seconds_sum}).
 * Failed calls are timed too: their time was spent all the same.
 */
@ApplicationScoped
public class IngestStages {

    /** The stages of taking one object in; the tag value is the lower-case name. */
    public enum Stage {
        /** S3 list-objects-v2, one call per page. */
        LIST,
        /** S3 get-object. */
        GET,
        /** MIME walk and analysis (with the not-mail check). */
        ANALYZE,
        /** Database: find and claim, storing the facts, marking the object done, the commit. */
        DB,
        /** Waiting for the broker to confirm the {@code mail.bounces.v1} records of an object. */
        PUBLISH,
        /** S3 copy to the processed or quarantine prefix and delete of the original. */
        MOVE;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String NAME = "suite.bounce_service.ingest.stage";

    private final Map<Stage, Timer> timers = new EnumMap<>(Stage.class);

    public IngestStages(MeterRegistry meters) {
        for (Stage stage : Stage.values()) {
            timers.put(stage, Timer.builder(NAME).tag("stage", stage.tag())
                    .description("Time spent in each stage of the S3 ingestion (list, get, analyze, db, publish, move)")
                    .register(meters));
        }
    }

    /** Runs {@code work} and adds its time to the stage. */
    public <T> T time(Stage stage, Supplier<T> work) {
        long start = System.nanoTime();
        try {
            return work.get();
        } finally {
            record(stage, System.nanoTime() - start);
        }
    }

    public void time(Stage stage, Runnable work) {
        long start = System.nanoTime();
        try {
            work.run();
        } finally {
            record(stage, System.nanoTime() - start);
        }
    }

    /** Adds {@code nanos} to the stage (for time measured across a boundary, e.g. inside a transaction). */
    public void record(Stage stage, long nanos) {
        timers.get(stage).record(nanos, TimeUnit.NANOSECONDS);
    }
}
