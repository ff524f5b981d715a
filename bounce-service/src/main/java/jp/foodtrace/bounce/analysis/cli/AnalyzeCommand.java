package jp.foodtrace.bounce.analysis.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import jp.foodtrace.bounce.analysis.BounceAnalyzer;
import jp.foodtrace.bounce.analysis.BounceFact;

/**
 * {@code analyze [--no-deliveries] FILE_OR_DIR...}: one JSON line per recipient of every bounce
 * found, and of every delivery a report states (reason {@code delivered}, as Sisimai reports them
 * when asked; {@code --no-deliveries} leaves them out, as the service does); nothing for messages
 * that are not bounces. Exit status 2 when an argument does not exist.
 *
 * <p>Files are analysed in the order of the arguments, a directory's files sorted by path. From
 * {@value #PARALLEL_FROM} files on, a bounded pool ({@code -Danalyze.threads}, default the number
 * of processors) analyses runs of consecutive files while the output is written run by run in
 * input order, so that the output is the same as one thread's.
 */
public final class AnalyzeCommand {
    /** Fewer files than this are analysed on the calling thread: a pool would only cost start-up. */
    static final int PARALLEL_FROM = 64;
    private static final int MAX_RUN = 64;
    static final String NO_DELIVERIES = "--no-deliveries";

    private AnalyzeCommand() {
    }

    public static void main(String[] args) throws IOException {
        int threads = Integer.getInteger("analyze.threads", Runtime.getRuntime().availableProcessors());
        OutputStream out = new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16);
        int status = run(args, threads, out, System.err);
        out.flush();
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Analyses {@code args} with at most {@code threads} threads; returns the exit status. */
    static int run(String[] args, int threads, OutputStream out, PrintStream err) throws IOException {
        List<Path> files = new ArrayList<>();
        boolean missing = false;
        boolean deliveries = true;
        for (String arg : args) {
            if (NO_DELIVERIES.equals(arg)) {
                deliveries = false;
                continue;
            }
            Path path = Path.of(arg);
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                }
            } else if (Files.exists(path)) {
                files.add(path);
            } else {
                err.println("analyze: no such file or directory: " + arg);
                missing = true;
            }
        }
        BounceAnalyzer analyzer = deliveries ? BounceAnalyzer.withDeliveries() : new BounceAnalyzer();
        if (threads <= 1 || files.size() < PARALLEL_FROM) {
            for (int from = 0; from < files.size(); from += MAX_RUN) {
                analyze(analyzer, files, from, Math.min(files.size(), from + MAX_RUN)).writeTo(out, err);
            }
        } else {
            parallel(analyzer, files, threads, out, err);
        }
        return missing ? 2 : 0;
    }

    /**
     * Runs of consecutive files go to a pool of {@code threads}; at most {@code 4 * threads} runs are
     * waiting at a time, and their results are written in the order of the runs.
     */
    private static void parallel(BounceAnalyzer analyzer, List<Path> files, int threads, OutputStream out,
            PrintStream err) throws IOException {
        int size = Math.max(1, Math.min(MAX_RUN, files.size() / (threads * 8)));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "analyze");
            t.setDaemon(true);
            return t;
        });
        try {
            ArrayDeque<Future<Result>> pending = new ArrayDeque<>();
            int next = 0;
            while (next < files.size() || !pending.isEmpty()) {
                while (next < files.size() && pending.size() < 4 * threads) {
                    int from = next;
                    int to = Math.min(files.size(), from + size);
                    pending.add(pool.submit(() -> analyze(analyzer, files, from, to)));
                    next = to;
                }
                pending.poll().get().writeTo(out, err);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("analysis interrupted", e);
        } catch (ExecutionException e) {
            throw new IOException("analysis failed", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** The JSON lines and error messages of files {@code from} to {@code to}. */
    private static Result analyze(BounceAnalyzer analyzer, List<Path> files, int from, int to) {
        StringBuilder lines = new StringBuilder();
        StringBuilder errors = new StringBuilder();
        for (int i = from; i < to; i++) {
            Path file = files.get(i);
            try {
                for (BounceFact fact : analyzer.analyze(Files.readAllBytes(file))) {
                    lines.append(JsonLines.of(file.getFileName().toString(), fact)).append('\n');
                }
            } catch (IOException | RuntimeException e) {
                errors.append("analyze: cannot read ").append(file).append(": ").append(e).append('\n');
            }
        }
        return new Result(lines.toString().getBytes(StandardCharsets.UTF_8), errors.toString());
    }

    private record Result(byte[] lines, String errors) {
        void writeTo(OutputStream out, PrintStream err) throws IOException {
            out.write(lines);
            if (!errors.isEmpty()) {
                out.flush();
                err.print(errors);
            }
        }
    }
}
