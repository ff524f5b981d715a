package jp.foodtrace.bounce.analysis.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import jp.foodtrace.bounce.TestCorpus;
import jp.foodtrace.bounce.analysis.BounceAnalyzer;
import jp.foodtrace.bounce.analysis.Delivery;
import jp.foodtrace.bounce.analysis.mime.MailMessage;

/**
 * Runs one format's expectation table over the corpus samples ({@link TestCorpus#dev()}). Per
 * sample in the table: the format under test is the one that claims it (the first in
 * {@link FormatOrder} to read a recipient from it, as {@link BounceAnalyzer} picks), and the
 * analyzer reports exactly the tabled rows, in order. One more check keeps the table whole:
 * every sample the format claims has rows, so a format that starts reading another sample
 * fails its own table instead of passing unnoticed.
 */
final class FormatTable {
    private static final BounceAnalyzer ANALYZER = BounceAnalyzer.withDeliveries();
    private static final String SYNTHETIC = "synthetic/";

    private FormatTable() {
    }

    static ExpectationRow row(String file, String recipient, String deliveryStatus, String replyCode, String reason,
            ExpectationRow.Bounce bounce, String agent) {
        return new ExpectationRow(file, recipient, deliveryStatus, replyCode, reason, bounce, agent);
    }

    /** The format claims the sample, yet no fact comes out (its only address was dropped). */
    static ExpectationRow noRecipient(String file) {
        return new ExpectationRow(file, "", "", "", "", ExpectationRow.Bounce.NONE, "");
    }

    /** One test per sample in the table, named after its file, and the completeness check. */
    static Stream<DynamicTest> check(BounceFormat format, List<ExpectationRow> table) {
        assertFalse(table.isEmpty(), "a format's table needs at least one row");
        String formatClass = format.getClass().getSimpleName();
        Map<String, List<ExpectationRow>> byFile = table.stream()
                .collect(Collectors.groupingBy(ExpectationRow::file, LinkedHashMap::new, Collectors.toList()));
        Stream<DynamicTest> samples = byFile.entrySet().stream()
                .map(e -> dynamicTest(e.getKey(), () -> checkSample(formatClass, e.getKey(), e.getValue())));
        DynamicTest whole = dynamicTest("every sample " + formatClass + " claims has rows", () -> {
            List<String> untabled = new ArrayList<>();
            Claims.BY_FILE.forEach((file, claimer) -> {
                if (claimer.equals(formatClass) && !byFile.containsKey(file)) {
                    untabled.add(file);
                }
            });
            assertEquals(List.of(), untabled, "samples " + formatClass + " claims that its table lacks");
        });
        return Stream.concat(samples, Stream.of(whole));
    }

    private static void checkSample(String formatClass, String file, List<ExpectationRow> rows) {
        assertEquals(formatClass, Claims.of(file), file + ": claimed by another format (null: none)");
        List<String> expected = new ArrayList<>();
        for (ExpectationRow r : rows) {
            if (!r.isNoRecipient()) {
                expected.add(r.toString());
            }
        }
        List<String> actual = ANALYZER.analyze(read(file)).stream()
                .map(f -> ExpectationRow.of(file, f).toString())
                .toList();
        // joined so that a failure shows the two tables line by line
        assertEquals(String.join("\n", expected), String.join("\n", actual), file);
    }

    /**
     * A sample of the corpus ({@code dev/}) by its file name, or a message written for one
     * layout variant the corpus lacks ({@code synthetic/NAME}, see {@link TestCorpus#synthetic()}).
     */
    private static byte[] read(String file) {
        try {
            return Files.readAllBytes(file.startsWith(SYNTHETIC)
                    ? TestCorpus.synthetic().resolve(file.substring(SYNTHETIC.length()))
                    : TestCorpus.dev().resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Which format class claims each corpus sample; read once for all tables. */
    private static final class Claims {
        static final Map<String, String> BY_FILE = scan();

        /** The claimer of a corpus sample, or of a synthetic message (not in the completeness check). */
        static String of(String file) {
            return file.startsWith(SYNTHETIC) ? claimer(MailMessage.parse(read(file))) : BY_FILE.get(file);
        }

        private static Map<String, String> scan() {
            Map<String, String> byFile = new TreeMap<>();
            try (Stream<Path> files = Files.list(TestCorpus.dev())) {
                for (Path p : files.toList()) {
                    String file = p.getFileName().toString();
                    String claimer = claimer(MailMessage.parse(Files.readAllBytes(p)));
                    if (claimer != null) {
                        byFile.put(file, claimer);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return byFile;
        }

        private static String claimer(MailMessage mail) {
            for (BounceFormat format : new FormatOrder().candidates(mail)) {
                List<Delivery> found = format.parse(mail);
                if (found != null && !found.isEmpty()) {
                    return format.getClass().getSimpleName();
                }
            }
            return null;
        }
    }
}
