package jp.foodtrace.sim;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Ingestion benchmark of bounce-service: puts {@code --objects} real messages of the corpus
 * (repeated under unique keys) into the inbound prefix of the bucket and measures, from the first
 * put, when the last object's outcome was committed (its {@code inbound_object} row marked done)
 * and when the last one had left the inbound prefix; objects/s and facts/s follow. The stage
 * timers of the service ({@code suite_bounce_service_ingest_stage_seconds}) are read from its
 * management port before and after, and their differences give the share of each stage.
 */
public final class IngestBounceBench {

    private static final Pattern STAGE = Pattern.compile(
            "^suite_bounce_service_ingest_stage_seconds_(sum|count)\\{[^}]*stage=\"([a-z]+)\"[^}]*\\}\\s+(\\S+)",
            Pattern.MULTILINE);
    private static final List<String> S3_STAGES = List.of("list", "get", "move");

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void run(String[] args) throws Exception {
        Options options = Options.parse(args);
        int count = options.integer("objects", 2000);
        Path corpus = Path.of(options.text("corpus", "bounce-service/src/test/corpus/dev"));
        String endpoint = options.text("s3", "http://127.0.0.1:9000");
        String bucket = options.text("bucket", "suite-inbound-mail");
        String prefix = options.text("prefix", "inbound/");
        String metricsUrl = options.text("metrics", "http://127.0.0.1:9085/q/metrics");
        String jdbcUrl = options.text("jdbc", "jdbc:postgresql://127.0.0.1:5432/suite?currentSchema=bounce_service");
        int putThreads = options.integer("put-threads", 8);
        Duration timeout = Duration.ofSeconds(options.integer("timeout", 900));

        List<Path> files;
        try (Stream<Path> walk = Files.list(corpus)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".eml")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no .eml files in " + corpus);
        }
        List<byte[]> mails = new ArrayList<>();
        for (Path file : files) {
            mails.add(Files.readAllBytes(file));
        }
        String run = "bench-" + DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC).format(Instant.now());
        String runPrefix = prefix + run + "/";
        System.out.printf("[ingest] %d objects from %d corpus messages under s3://%s/%s%n", count, files.size(), bucket, runPrefix);

        HttpClient http = HttpClient.newHttpClient();
        Map<String, double[]> before = stages(http, metricsUrl);
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create(endpoint))
                .forcePathStyle(true)
                .region(Region.US_WEST_2)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        options.text("access-key", "suite-local"), options.text("secret-key", "suite-local-secret"))))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                // s3proxy checks x-amz-content-sha256 itself: no trailing checksums (as the service's client)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
                Connection db = DriverManager.getConnection(jdbcUrl, options.text("db-user", "bounce_service"),
                        options.text("db-password", "bounce_service"))) {
            ExecutorService putters = Executors.newFixedThreadPool(putThreads, task -> {
                Thread t = new Thread(task, "put");
                t.setDaemon(true);
                return t;
            });
            Instant first = Instant.now();
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                String key = runPrefix + String.format("%06d-", n) + files.get(n % files.size()).getFileName();
                puts.add(putters.submit(() -> s3.putObject(b -> b.bucket(bucket).key(key),
                        RequestBody.fromBytes(mails.get(n % mails.size())))));
            }
            for (Future<?> put : puts) {
                put.get();
            }
            Instant lastPut = Instant.now();
            putters.shutdown();
            System.out.printf("[ingest] puts: %d in %.2f s (%.0f/s)%n", count, seconds(first, lastPut),
                    count / seconds(first, lastPut));

            Instant deadline = first.plus(timeout);
            Progress progress = null;
            Instant lastMoved = null;
            long lastReport = 0;
            while (Instant.now().isBefore(deadline)) {
                if (progress == null || progress.done < count) {
                    progress = progress(db, runPrefix);
                }
                if (lastMoved == null && progress.done == count
                        && s3.listObjectsV2(b -> b.bucket(bucket).prefix(runPrefix).maxKeys(1)).keyCount() == 0) {
                    lastMoved = Instant.now();
                }
                if (progress.done == count && lastMoved != null) {
                    break;
                }
                if (System.nanoTime() - lastReport > 5_000_000_000L) {
                    lastReport = System.nanoTime();
                    System.out.printf("[ingest] %.0f s: %d of %d done%n", seconds(first, Instant.now()), progress.done, count);
                }
                Thread.sleep(100);
            }
            if (progress.done < count || lastMoved == null) {
                System.out.printf("[ingest] gave up after %d s: %d of %d done, moved: %s%n", timeout.toSeconds(),
                        progress.done, count, lastMoved != null);
                System.exit(1);
            }
            Map<String, double[]> after = stages(http, metricsUrl);
            double committed = seconds(first, progress.lastCommit);
            double moved = seconds(first, lastMoved);
            System.out.printf("outcomes: %s; facts %d%n", progress.outcomes, progress.facts);
            System.out.printf("ingest: %d objects, last commit after %.2f s, last move after %.2f s: %.1f objects/s "
                    + "(to the last move), %.1f objects/s (to the last commit), %.1f facts/s%n",
                    count, committed, moved, count / moved, count / committed, progress.facts / committed);
            report(before, after, count);
        }
    }

    /** Done objects of this run, their facts, outcomes and the last finish time, from the service's table. */
    private static Progress progress(Connection db, String runPrefix) throws SQLException {
        String sql = """
                SELECT outcome, count(*), coalesce(sum(facts), 0), max(finished_at)
                FROM inbound_object WHERE object_key LIKE ? AND state = 'done' GROUP BY outcome""";
        Progress progress = new Progress();
        try (PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setString(1, runPrefix.replace("_", "\\_").replace("%", "\\%") + "%");
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    progress.outcomes.put(rs.getString(1), rs.getInt(2));
                    progress.done += rs.getInt(2);
                    progress.facts += rs.getLong(3);
                    Timestamp at = rs.getTimestamp(4);
                    if (at != null && (progress.lastCommit == null || at.toInstant().isAfter(progress.lastCommit))) {
                        progress.lastCommit = at.toInstant();
                    }
                }
            }
        }
        return progress;
    }

    private static final class Progress {
        int done;
        long facts;
        Instant lastCommit;
        final Map<String, Integer> outcomes = new TreeMap<>();
    }

    /** Stage name to {seconds, count} from the Prometheus text. */
    static Map<String, double[]> stages(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode());
        }
        Map<String, double[]> stages = new LinkedHashMap<>();
        Matcher m = STAGE.matcher(response.body());
        while (m.find()) {
            double[] values = stages.computeIfAbsent(m.group(2), k -> new double[2]);
            values["sum".equals(m.group(1)) ? 0 : 1] += Double.parseDouble(m.group(3));
        }
        if (stages.isEmpty()) {
            throw new IOException(url + " has no suite_bounce_service_ingest_stage_seconds timers");
        }
        return stages;
    }

    /** Per stage: seconds spent (summed over the service's workers), calls, share; then S3 / analysis / database. */
    static void report(Map<String, double[]> before, Map<String, double[]> after, int objects) {
        Map<String, double[]> delta = new LinkedHashMap<>();
        double total = 0;
        for (Map.Entry<String, double[]> e : after.entrySet()) {
            double[] b = before.getOrDefault(e.getKey(), new double[2]);
            double[] d = { e.getValue()[0] - b[0], e.getValue()[1] - b[1] };
            delta.put(e.getKey(), d);
            total += d[0];
        }
        StringBuilder line = new StringBuilder("stages (seconds summed over workers, calls, share):");
        for (Map.Entry<String, double[]> e : delta.entrySet()) {
            line.append(String.format(" %s %.2f s/%d/%.1f%%", e.getKey(), e.getValue()[0], (long) e.getValue()[1],
                    share(e.getValue()[0], total)));
        }
        System.out.println(line);
        double s3 = S3_STAGES.stream().mapToDouble(s -> delta.getOrDefault(s, new double[2])[0]).sum();
        double analysis = delta.getOrDefault("analyze", new double[2])[0];
        double database = delta.getOrDefault("db", new double[2])[0];
        double broker = delta.getOrDefault("publish", new double[2])[0];
        System.out.printf("shares: S3 %.1f%%, analysis %.1f%%, database %.1f%%, broker %.1f%% "
                + "(per object: S3 %.1f ms, analysis %.1f ms, database %.1f ms, broker %.1f ms)%n",
                share(s3, total), share(analysis, total), share(database, total), share(broker, total),
                1000 * s3 / objects, 1000 * analysis / objects, 1000 * database / objects, 1000 * broker / objects);
    }

    private static double share(double part, double total) {
        return total == 0 ? 0 : 100 * part / total;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toNanos() / 1e9;
    }
}
