package jp.foodtrace.bounce.analysis.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import jp.foodtrace.bounce.TestCorpus;
import jp.foodtrace.bounce.analysis.BounceAnalyzer;
import jp.foodtrace.bounce.analysis.BounceFact;

/** The command line's output: one thread's and the pool's are the same bytes, in input order. */
class AnalyzeCommandTest {

    private static final String[] CORPUS = {
            TestCorpus.dev().toString(), TestCorpus.root().resolve("not-bounces").toString(),
            // the same folder again: the output repeats, in argument order
            TestCorpus.dev().toString() };

    @Test
    void poolWritesTheSameLinesInTheSameOrderAsOneThread() throws IOException {
        byte[] serial = run(CORPUS, 1);
        for (int threads : new int[] { 2, 4, 7 }) {
            assertArrayEquals(serial, run(CORPUS, threads), threads + " threads");
        }
    }

    @Test
    void oneThreadWritesOneLinePerFactFileByFileInPathOrder() throws IOException {
        BounceAnalyzer analyzer = BounceAnalyzer.withDeliveries();
        StringBuilder expected = new StringBuilder();
        List<Path> files;
        try (Stream<Path> list = Files.list(TestCorpus.dev())) {
            files = list.sorted().toList();
        }
        for (Path file : files) {
            for (BounceFact fact : analyzer.analyze(Files.readAllBytes(file))) {
                expected.append(JsonLines.of(file.getFileName().toString(), fact)).append('\n');
            }
        }
        String serial = new String(run(new String[] { TestCorpus.dev().toString() }, 1), StandardCharsets.UTF_8);
        assertTrue(files.size() >= AnalyzeCommand.PARALLEL_FROM, "the corpus takes the pool's path");
        assertTrue(serial.lines().count() > 300, "facts found: " + serial.lines().count());
        assertEquals(expected.toString(), serial);
        assertEquals(expected.toString(), new String(run(new String[] { TestCorpus.dev().toString() }, 3),
                StandardCharsets.UTF_8));
    }

    @Test
    void deliveriesAreReportedUnlessLeftOut() throws IOException {
        String all = new String(run(new String[] { TestCorpus.dev().toString() }, 1), StandardCharsets.UTF_8);
        String bouncesOnly = new String(run(new String[] { AnalyzeCommand.NO_DELIVERIES, TestCorpus.dev().toString() },
                1), StandardCharsets.UTF_8);
        assertTrue(all.contains("\"reason\":\"delivered\""), "the corpus has delivery reports");
        assertFalse(bouncesOnly.contains("\"reason\":\"delivered\""), bouncesOnly);
        assertEquals(all.lines().filter(l -> !l.contains("\"reason\":\"delivered\"")).toList(),
                bouncesOnly.lines().toList());
    }

    @Test
    void missingArgumentIsReportedAndTheOthersStillAnalysed() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String missing = TestCorpus.root().resolve("no-such-folder").toString();
        int status = AnalyzeCommand.run(new String[] { missing, TestCorpus.dev().toString() }, 2, out,
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, status);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no such file or directory: " + missing));
        assertArrayEquals(run(new String[] { TestCorpus.dev().toString() }, 1), out.toByteArray());
    }

    private static byte[] run(String[] args, int threads) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertEquals(0, AnalyzeCommand.run(args, threads, out, System.err));
        return out.toByteArray();
    }
}
