package jp.foodtrace.mail.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jp.foodtrace.mail.request.MailCategory;
import jp.foodtrace.mail.request.service.SendRateLimiter;
import jp.foodtrace.mail.template.RenderedMail;
import jp.foodtrace.mail.template.service.MimeComposer;
import jp.foodtrace.mail.transport.client.OutgoingMail;
import jp.foodtrace.mail.transport.client.SesMailTransport;
import jp.foodtrace.mail.transport.client.TransportFailure;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ses.SesClient;

/**
 * Sends a burst of N composed messages to a running SES endpoint through the service's own
 * {@link SendRateLimiter} and {@link SesMailTransport}, with several worker threads as the
 * dispatcher has, and prints the achieved send rate against the configured limit. Run by
 * {@code mail-service/bin/bench-rate}; it lives in the test sources so that it does not ship in
 * the service's jar.
 */
public final class SendRateBench {

    private static final String USAGE = """
            usage: mail-service/bin/bench-rate [--endpoint URL] [--count N] [--rate R|0] [--burst B] [--workers W]
              --endpoint  SES endpoint to send to (default http://127.0.0.1:8005, what ./suite up --infra starts)
              --count     messages to send (default 200)
              --rate      limit in messages per second; 0 sends without the limiter (default 14)
              --burst     tokens the limiter holds at most (default 1)
              --workers   sending threads (default 4)""";

    private static final Set<String> KNOWN_OPTIONS = Set.of("endpoint", "count", "rate", "burst", "workers");

    private SendRateBench() {
    }

    public static void main(String[] args) throws Exception {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        Map<String, String> options;
        try {
            options = options(args);
        } catch (IllegalArgumentException e) {
            System.err.println("bench-rate: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        String endpoint = options.getOrDefault("endpoint", "http://127.0.0.1:8005");
        int count = Integer.parseInt(options.getOrDefault("count", "200"));
        double rate = Double.parseDouble(options.getOrDefault("rate", "14"));
        int burst = Integer.parseInt(options.getOrDefault("burst", "1"));
        int workers = Integer.parseInt(options.getOrDefault("workers", "4"));
        String run = UUID.randomUUID().toString().substring(0, 8);

        System.out.printf("bench-rate: %d messages to %s, limit %s msg/s (burst %d), %d workers, run %s%n",
                count, endpoint, rate > 0 ? rate : "none", burst, workers, run);
        MimeComposer composer = new MimeComposer("no-reply@mail.foodtrace.jp", "フードトレース");
        List<OutgoingMail> mails = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String recipient = "bench-" + run + "-" + i + "@example.jp";
            byte[] raw = composer.compose(recipient, new RenderedMail("【フードトレース】負荷試験 " + i, "本文 " + i,
                    "<p>本文 " + i + "</p>"), composer.newMessageId(), Instant.now(), Optional.empty());
            mails.add(new OutgoingMail("bench-" + run + "-" + i, recipient, MailCategory.TRANSACTIONAL, raw));
        }

        try (SesClient ses = SesClient.builder()
                .endpointOverride(URI.create(endpoint))
                .region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .build()) {
            SesMailTransport transport = new SesMailTransport(ses, "member-mail");
            // Warm-up (class loading, first connection), not counted; also tells at once whether
            // there is an endpoint at all.
            String warmup = "bench-" + run + "-warmup@example.jp";
            try {
                transport.send(new OutgoingMail("bench-" + run + "-warmup", warmup, MailCategory.TRANSACTIONAL,
                        composer.compose(warmup, new RenderedMail("warm-up", "warm-up", "<p>warm-up</p>"),
                                composer.newMessageId(), Instant.now(), Optional.empty())));
            } catch (TransportFailure e) {
                System.err.printf("bench-rate: no SES endpoint answering at %s (%s); start one with ./suite up --infra%n",
                        endpoint, e.getMessage());
                System.exit(1);
            }

            SendRateLimiter limiter = rate > 0 ? new SendRateLimiter(rate, burst, System::nanoTime) : null;
            long[] started = new long[count];
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(workers);
            List<Future<?>> done = new ArrayList<>();
            long t0 = System.nanoTime();
            for (int w = 0; w < workers; w++) {
                done.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        if (limiter != null) {
                            limiter.acquire();
                        }
                        started[i] = System.nanoTime();
                        transport.send(mails.get(i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            long t1 = System.nanoTime();
            pool.shutdown();
            pool.awaitTermination(10, TimeUnit.SECONDS);

            long[] sorted = started.clone();
            Arrays.sort(sorted);
            double seconds = (t1 - t0) / 1e9;
            double paced = (count - 1) / ((sorted[count - 1] - sorted[0]) / 1e9);
            int worstWindow = 0;
            for (int i = 0, j = 0; i < count; i++) {
                while (sorted[i] - sorted[j] >= 1_000_000_000L) {
                    j++;
                }
                worstWindow = Math.max(worstWindow, i - j + 1);
            }
            int recorded = recordedByEndpoint(endpoint, run);
            System.out.printf("sent %d in %.2f s: %.2f msg/s overall, %.2f msg/s between first and last send%n",
                    count, seconds, count / seconds, paced);
            System.out.printf("most sends started in any 1 s window: %d (limit %s)%n", worstWindow,
                    rate > 0 ? String.format("%.2f", rate) : "none");
            System.out.printf("SES endpoint recorded %d of %d messages of this run%n", recorded, count);
        }
    }

    private static int recordedByEndpoint(String endpoint, String run) throws Exception {
        HttpResponse<String> store = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(endpoint + "/store")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        String marker = "bench-" + run + "-";
        int found = 0;
        for (int at = store.body().indexOf(marker); at >= 0; at = store.body().indexOf(marker, at + 1)) {
            if (!store.body().startsWith(marker + "warmup", at)) {
                found++;
            }
        }
        // Each stored message names its recipient (from the To header) once.
        return found;
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : "";
            if (!KNOWN_OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            options.put(name, args[i + 1]);
        }
        return options;
    }
}
