package jp.foodtrace.bounce.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.foodtrace.bounce.TestCorpus;

/**
 * Runs the analyzer over the shared corpus of real bounces and compares recipient, reason and
 * delivery status with the reference analyzer's verdicts. Every remaining disagreement must be
 * listed in {@link KnownDisagreements}; an unlisted one fails the test, and so does a listed one
 * that starts agreeing, so the list stays true.
 */
class CorpusAccuracyTest {
    /** Share of expected recipients that must agree on reason and status; raise it when the list shrinks. */
    private static final double REQUIRED_AGREEMENT = 1.0;
    /** Share that must agree on the reason alone, and on the delivery status alone. */
    private static final double REQUIRED_REASON = 1.0;
    private static final double REQUIRED_STATUS = 1.0;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final BounceAnalyzer analyzer = BounceAnalyzer.withDeliveries();

    @Test
    void analyzerAgreesWithReferenceOnSampleCorpus() throws IOException {
        Path corpus = TestCorpus.root();
        Map<String, List<JsonNode>> expected = new TreeMap<>();
        for (String line : Files.readAllLines(corpus.resolve("expected-sisimai.jsonl"))) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode n = JSON.readTree(line);
            List<JsonNode> rows = expected.computeIfAbsent(n.get("file").asText(), k -> new ArrayList<>());
            if (!n.has("none")) {
                rows.add(n);
            }
        }
        Map<String, String> disagreements = new LinkedHashMap<>();
        int total = 0;
        int agreed = 0;
        int sameReason = 0;
        int sameStatus = 0;
        int missed = 0;
        for (Map.Entry<String, List<JsonNode>> e : expected.entrySet()) {
            String file = e.getKey();
            Map<String, BounceFact> got = new LinkedHashMap<>();
            for (BounceFact f : analyzer.analyze(Files.readAllBytes(corpus.resolve("dev").resolve(file)))) {
                got.put(f.recipient().toLowerCase(), f);
            }
            if (e.getValue().isEmpty()) {
                if (!got.isEmpty()) {
                    disagreements.put(file + " *", "reference reports nothing, analyzer " + got.size());
                }
                continue;
            }
            for (JsonNode want : e.getValue()) {
                total++;
                String recipient = want.get("recipient").asText();
                BounceFact f = got.get(recipient.toLowerCase());
                String wantReason = want.get("reason").asText();
                String wantStatus = want.get("deliverystatus").asText();
                if (f == null) {
                    missed++;
                } else {
                    sameReason += f.reason().equals(wantReason) ? 1 : 0;
                    sameStatus += f.deliveryStatus().equals(wantStatus) ? 1 : 0;
                }
                if (f != null && f.reason().equals(wantReason) && f.deliveryStatus().equals(wantStatus)) {
                    agreed++;
                } else {
                    disagreements.put(file + " " + recipient, f == null
                            ? "missing; got " + got.keySet()
                            : "got " + f.reason() + " " + f.deliveryStatus() + ", reference " + wantReason + " "
                                    + wantStatus + "; " + f.diagnosticCode());
                }
            }
        }
        try (Stream<Path> files = Files.list(corpus.resolve("not-bounces"))) {
            for (Path p : files.sorted().toList()) {
                List<BounceFact> facts = analyzer.analyze(Files.readAllBytes(p));
                if (!facts.isEmpty()) {
                    disagreements.put("not-bounces/" + p.getFileName() + " *", "not a bounce, analyzer " + facts);
                }
            }
        }
        double share = (double) agreed / total;
        System.out.printf("bounce corpus: %d of %d expected recipients agree (%.1f %%; reason %d, %.1f %%;"
                + " status %d, %.1f %%; %d missed), %d listed disagreements%n", agreed, total, share * 100,
                sameReason, 100.0 * sameReason / total, sameStatus, 100.0 * sameStatus / total, missed,
                KnownDisagreements.ROWS.size());

        List<String> unlisted = new ArrayList<>();
        disagreements.forEach((key, why) -> {
            if (!KnownDisagreements.ROWS.containsKey(key)) {
                unlisted.add(key + " -> " + why);
            }
        });
        List<String> nowAgreeing = KnownDisagreements.ROWS.keySet().stream()
                .filter(k -> !disagreements.containsKey(k)).toList();
        assertEquals(List.of(), unlisted, "disagreements not listed in KnownDisagreements");
        assertEquals(List.of(), nowAgreeing, "listed disagreements that now agree: remove them from the list");
        assertEquals(0, missed, "expected recipients the analyzer did not find");
        assertTrue(share >= REQUIRED_AGREEMENT, "agreement " + share + " below " + REQUIRED_AGREEMENT);
        assertTrue((double) sameReason / total >= REQUIRED_REASON, "reason agreement below " + REQUIRED_REASON);
        assertTrue((double) sameStatus / total >= REQUIRED_STATUS, "status agreement below " + REQUIRED_STATUS);
    }
}
