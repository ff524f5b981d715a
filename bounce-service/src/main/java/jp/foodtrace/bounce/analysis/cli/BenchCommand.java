package jp.foodtrace.bounce.analysis.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import jp.foodtrace.bounce.analysis.BounceAnalyzer;

/**
 * {@code bench DIR [MESSAGES]}: messages per second of the analyzer, in process, over the files
 * of DIR read into memory once and repeated until MESSAGES (default 5000) were analyzed, after a
 * warm-up of the same size. Prints one line: {@code java <rate> msg/s <messages> messages}.
 */
public final class BenchCommand {
    private BenchCommand() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        int messages = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        List<byte[]> corpus = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                corpus.add(Files.readAllBytes(p));
            }
        }
        BounceAnalyzer analyzer = new BounceAnalyzer();
        long sink = run(analyzer, corpus, messages);
        long start = System.nanoTime();
        sink += run(analyzer, corpus, messages);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("java %.0f msg/s %d messages %.2f s (facts %d)%n", messages / seconds, messages, seconds, sink);
    }

    private static long run(BounceAnalyzer analyzer, List<byte[]> corpus, int messages) {
        long facts = 0;
        for (int i = 0; i < messages; i++) {
            facts += analyzer.analyze(corpus.get(i % corpus.size())).size();
        }
        return facts;
    }
}
