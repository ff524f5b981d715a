package jp.foodtrace.bounce.analysis.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import jp.foodtrace.bounce.analysis.BounceAnalyzer;
import jp.foodtrace.bounce.analysis.BounceFact;

/**
 * {@code analyze FILE_OR_DIR...}: one JSON line per recipient of every bounce found; nothing for
 * messages that are not bounces. Exit status 2 when an argument does not exist.
 */
public final class AnalyzeCommand {
    private AnalyzeCommand() {
    }

    public static void main(String[] args) throws IOException {
        BounceAnalyzer analyzer = new BounceAnalyzer();
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        boolean missing = false;
        for (String arg : args) {
            Path path = Path.of(arg);
            if (!Files.exists(path)) {
                System.err.println("analyze: no such file or directory: " + arg);
                missing = true;
                continue;
            }
            List<Path> files;
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    files = walk.filter(Files::isRegularFile).sorted().toList();
                }
            } else {
                files = List.of(path);
            }
            for (Path file : files) {
                try {
                    for (BounceFact fact : analyzer.analyze(Files.readAllBytes(file))) {
                        out.println(JsonLines.of(file.getFileName().toString(), fact));
                    }
                } catch (IOException | RuntimeException e) {
                    System.err.println("analyze: cannot read " + file + ": " + e);
                }
            }
        }
        out.flush();
        if (missing) {
            System.exit(2);
        }
    }
}
