package jp.foodtrace.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * Drives the gateway like the store fleet does: every simulated terminal sends from its own
 * registered loopback address with its own key and sequence numbers. Modes: {@code rush} (every
 * terminal sends one order at once, the morning rush) and {@code steady} (a total rate for a
 * duration). A share of orders is sent twice as after a lost answer ({@code --resend}); a few
 * misbehaving terminals send a wrong key, from a wrong address and malformed CSV
 * ({@code --misbehaving}). Prints progress every second and a summary, and appends every receipt
 * to a file for the reconciliation as it arrives ({@link ReceiptLog}).
 *
 * <p>Faults are part of what it measures: a timeout, refused or dropped connection or an
 * unexpected answer in any step (register, order, resend, misbehave with its heartbeats) is
 * counted by step and kind ({@link Faults}) and shown in the progress line and the summary, and
 * the run goes on. An order is sent up to {@code --attempts} times (as a terminal resends after no
 * answer, a 5xx or a 429); one that got no receipt after the last attempt is
 * <b>unacknowledged</b>: the terminal was never told it was received, so it is not lost.
 */
public final class TerminalFleetSim {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ORDERS = "/v1/orders";
    /** The Strimzi Kafka Bridge's content type for records with JSON keys and values. */
    private static final String BRIDGE_JSON = "application/vnd.kafka.json.v2+json";

    private final Options options;
    private final String host;
    private final int port;
    private final Vertx vertx;
    private final Map<String, HttpClient> clients = new ConcurrentHashMap<>();
    private final Latencies latencies = new Latencies();
    private final Map<String, AtomicLong> outcomes = new ConcurrentHashMap<>();
    private final Faults faults = new Faults();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong unacknowledged = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile ReceiptLog receipts;
    private volatile long measuredFrom = System.nanoTime();
    private volatile long cpuFrom;

    TerminalFleetSim(Options options) {
        this.options = options;
        this.host = options.text("host", "127.0.0.1");
        this.port = options.integer("port", 8081);
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(options.integer("event-loops", 2)));
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        TerminalFleetSim sim = new TerminalFleetSim(options);
        try {
            System.exit(sim.run() ? 0 : 1);
        } finally {
            sim.vertx.close();
        }
    }

    boolean run() throws Exception {
        int size = options.integer("terminals", 2000);
        Path home = Path.of(options.text("home", ".local/sim"));
        List<FleetTerminal> fleet = FleetRegistry.loadOrCreate(home.resolve("fleet-" + size + ".csv"), size);
        register(fleet);
        List<String> items = Catalog.items(options.integer("items", 500));
        String mode = options.command("rush");
        if (!List.of("rush", "steady", "saturate").contains(mode)) {
            throw new IllegalArgumentException("mode must be rush, steady or saturate");
        }
        long sequenceBase = System.currentTimeMillis();
        receipts = new ReceiptLog(home.resolve("receipts-" + sequenceBase + ".csv"),
                home.resolve("receipts-latest.csv"));
        long start = System.nanoTime();
        long periodic = vertx.setPeriodic(1000, id -> progress(start));
        // Killed (Ctrl-C, SIGTERM): every receipt so far is flushed already, and answers arriving
        // meanwhile are still written, so the file stays open; say what the run got to.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!finished.get()) {
                vertx.cancelTimer(periodic);
                System.out.println("\n[sim] interrupted; the summary so far:");
                summary();
            }
        }, "sim-interrupted"));
        switch (mode) {
            case "rush" -> rush(fleet, items, sequenceBase);
            case "steady" -> steady(fleet, items, sequenceBase);
            default -> saturate(fleet, items, sequenceBase);
        }
        double seconds = (System.nanoTime() - measuredFrom) / 1e9;
        double cpu = (processCpuNanos() - cpuFrom) / 1e9;
        vertx.cancelTimer(periodic);
        boolean misbehaviourHandled = misbehave(fleet);
        finished.set(true);
        closeReceipts();
        System.out.printf("%n%s: %d orders in %.2f s = %.0f orders/s%n", mode, answered.get(), seconds,
                answered.get() / seconds);
        summary();
        // One line that bench scripts read: the simulator's own CPU while it measured.
        System.out.printf("simulator cpu: %.2f s in %.2f s%n", cpu, seconds);
        long failed = outcomes.entrySet().stream().filter(e -> !expected(e.getKey()))
                .mapToLong(e -> e.getValue().get()).sum();
        return failed == 0 && faults.total() == 0 && misbehaviourHandled;
    }

    /**
     * Outcomes of a healthy run: answers 2xx, retries after no answer, a 5xx or a 429, resends that
     * got their original receipt, registration and the misbehaving terminals (checked on their own).
     */
    private static boolean expected(String outcome) {
        return outcome.startsWith("2") || outcome.startsWith("retry-") || outcome.equals("resend-same-receipt")
                || outcome.startsWith("register-") || outcome.startsWith("misbehaving-");
    }

    private void summary() {
        // One line that scripts read: the first number is the acknowledged count.
        System.out.printf("orders: acknowledged %d; without a receipt %d (unacknowledged: no receipt after the last"
                + " attempt, so not lost); refused %d (4xx); still in flight %d%n", acknowledged.get(),
                unacknowledged.get(), refused.get(), sent.get() - answered.get() - retries.get());
        System.out.println("latency (acknowledged orders): " + latencies.summary());
        System.out.println("outcomes: " + new TreeMap<>(outcomes));
        System.out.println("errors: " + faults.total() + " " + faults.snapshot());
        System.out.println("receipts: " + receipts.file());
    }

    private void closeReceipts() {
        try {
            receipts.close();
        } catch (IOException e) {
            System.out.println("[sim] closing the receipts file failed: " + e);
        }
    }

    /**
     * Imports the fleet into the gateway's registry (idempotent: an upsert per terminal). Tried
     * for {@code --register-wait} seconds; a fleet imported by an earlier run is still registered,
     * so the run goes on after a failure and the orders show whether the terminals are known.
     */
    private void register(List<FleetTerminal> fleet) throws InterruptedException {
        HttpClient admin = vertx.createHttpClient(new HttpClientOptions().setDefaultHost(host).setDefaultPort(port)
                .setConnectTimeout(5000));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.integer("register-wait", 60));
        while (true) {
            try {
                String body = admin.request(new RequestOptions().setMethod(HttpMethod.POST)
                                .setURI("/v1/admin/terminals/import").setTimeout(30_000)
                                .putHeader("Authorization", "Bearer " + options.text("admin-token", "local-admin-token"))
                                .putHeader("Content-Type", "text/csv"))
                        .compose(req -> req.send(Buffer.buffer(FleetRegistry.toCsv(fleet))))
                        .compose(resp -> resp.body().map(b -> resp.statusCode() + " " + b))
                        .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
                System.out.println("[sim] registered " + fleet.size() + " terminals: " + body);
                if (body.startsWith("200")) {
                    return;
                }
                count("register-" + body.substring(0, 3));
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                System.out.println("[sim] registering the fleet failed (" + faults.count("register", e) + "): " + e);
            }
            if (System.nanoTime() > deadline) {
                System.out.println("[sim] going on without registering: terminals of an earlier run are still known");
                return;
            }
            TimeUnit.SECONDS.sleep(2);
        }
    }

    private HttpClient client(FleetTerminal terminal) {
        return clients.computeIfAbsent(terminal.terminalId() + "@" + terminal.address(), id -> vertx.createHttpClient(
                new HttpClientOptions().setDefaultHost(host).setDefaultPort(port).setLocalAddress(terminal.address())
                        .setKeepAlive(true).setConnectTimeout(5000),
                new PoolOptions().setHttp1MaxSize(2)));
    }

    private void rush(List<FleetTerminal> fleet, List<String> items, long sequenceBase) throws InterruptedException {
        int lines = options.integer("lines", 50);
        CountDownLatch done = new CountDownLatch(fleet.size());
        measureFrom();
        for (FleetTerminal terminal : fleet) {
            String body = order(terminal, sequenceBase, items, lines);
            submit(terminal, sequenceBase, body, 1, done);
        }
        if (!done.await(10, TimeUnit.MINUTES)) {
            System.out.println("[sim] gave up waiting for " + done.getCount() + " answers");
        }
    }

    private void steady(List<FleetTerminal> fleet, List<String> items, long sequenceBase) throws InterruptedException {
        double rate = options.decimal("rate", 200);
        int seconds = options.integer("duration", 30);
        int lines = options.integer("lines", 10);
        long total = (long) (rate * seconds);
        CountDownLatch done = new CountDownLatch((int) total);
        long intervalNanos = (long) (1e9 / rate);
        if (options.flag("warm")) {
            connectInAdvance(fleet);
        }
        measureFrom();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long due = start + i * intervalNanos;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            FleetTerminal terminal = fleet.get((int) (i % fleet.size()));
            long sequence = sequenceBase + i / fleet.size();
            submit(terminal, sequence, order(terminal, sequence, items, lines), 1, done);
        }
        if (!done.await(5, TimeUnit.MINUTES)) {
            System.out.println("[sim] gave up waiting for " + done.getCount() + " answers");
        }
    }

    /**
     * Opens every terminal's keep-alive connection before the measurement ({@code --warm}), with a
     * request the gateway answers without authentication or work (404), so that the steady figures
     * show the order path alone; without it the first order of each terminal pays for the
     * connection set-up, as in the field after a terminal wakes up.
     */
    private void connectInAdvance(List<FleetTerminal> fleet) throws InterruptedException {
        CountDownLatch connected = new CountDownLatch(fleet.size());
        AtomicLong failed = new AtomicLong();
        long began = System.nanoTime();
        for (FleetTerminal terminal : fleet) {
            client(terminal).request(new RequestOptions().setMethod(HttpMethod.GET).setURI("/v1/connect-in-advance")
                            .setTimeout(options.integer("timeout-ms", 10_000)))
                    .compose(req -> req.send().compose(resp -> resp.body()))
                    .onComplete(r -> {
                        if (r.failed()) {
                            failed.incrementAndGet();
                        }
                        connected.countDown();
                    });
        }
        connected.await(2, TimeUnit.MINUTES);
        System.out.printf("[sim] %d connections opened in advance in %.2f s (%d failed)%n", fleet.size(),
                (System.nanoTime() - began) / 1e9, failed.get());
    }

    /**
     * Closed loop: every terminal sends its next order as soon as the previous one is answered,
     * for the duration. Measures the ceiling of the path under the fleet's concurrency.
     */
    private void saturate(List<FleetTerminal> fleet, List<String> items, long sequenceBase)
            throws InterruptedException {
        int lines = options.integer("lines", 10);
        if (options.flag("warm")) {
            connectInAdvance(fleet);
        }
        measureFrom();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(options.integer("duration", 30));
        CountDownLatch done = new CountDownLatch(fleet.size());
        for (FleetTerminal terminal : fleet) {
            loop(terminal, sequenceBase, items, lines, end, done);
        }
        done.await(10, TimeUnit.MINUTES);
    }

    private void loop(FleetTerminal terminal, long sequence, List<String> items, int lines, long end,
            CountDownLatch done) {
        if (System.nanoTime() >= end) {
            done.countDown();
            return;
        }
        CountDownLatch one = new CountDownLatch(1);
        submit(terminal, sequence, order(terminal, sequence, items, lines), 1, one,
                () -> loop(terminal, sequence + 1, items, lines, end, done));
    }

    private void submit(FleetTerminal terminal, long sequence, String body, int attempt, CountDownLatch done) {
        submit(terminal, sequence, body, attempt, done, () -> { });
    }

    /**
     * Sends an order; on no answer, a 5xx or a 429 sends the same body again after a growing pause,
     * as a terminal does, up to {@code --attempts} times in all.
     */
    private void submit(FleetTerminal terminal, long sequence, String body, int attempt, CountDownLatch done,
            Runnable then) {
        long began = System.nanoTime();
        sent.incrementAndGet();
        String path = options.text("path", ORDERS);
        boolean bridge = "bridge".equals(options.text("format", "order"));
        Future<Reply> posted = bridge
                ? post(terminal, path, BRIDGE_JSON, bridgeBody(terminal, body), terminal.key())
                : post(terminal, path, "application/json", body, terminal.key());
        posted.onComplete(result -> {
            int status = result.succeeded() ? result.result().status() : 0;
            String failure = result.succeeded() ? null : faults.count("order", result.cause());
            if ((status == 0 || status >= 500 || status == 429) && attempt < options.integer("attempts", 5)) {
                count("retry-" + (status == 0 ? failure : status));
                retries.incrementAndGet();
                vertx.setTimer(Math.min(200L * attempt, 2000L),
                        id -> submit(terminal, sequence, body, attempt + 1, done, then));
                return;
            }
            answered.incrementAndGet();
            count(status == 0 ? "no-answer-" + failure : Integer.toString(status));
            String receipt = status == 202 || status == 200 ? acknowledgement(path, result.result().json()) : "";
            if (!receipt.isEmpty()) {
                latencies.record(System.nanoTime() - began);
                acknowledged.incrementAndGet();
                write(() -> receipts.acknowledged(terminal.terminalId(), sequence, receipt));
                if (path.equals(ORDERS) && ThreadLocalRandom.current().nextDouble() < options.decimal("resend", 0.02)) {
                    resend(terminal, body, receipt);
                }
            } else if (status >= 400 && status < 500 && status != 429) {
                refused.incrementAndGet();
            } else {
                unacknowledged.incrementAndGet();
                write(() -> receipts.unacknowledged(terminal.terminalId(), sequence));
            }
            done.countDown();
            then.run();
        });
    }

    /**
     * What acknowledges a request: the gateway's receipt id; for the benchmark peers, the no-op
     * endpoint's 2xx or the Kafka bridge's offset of the record (the bridge answers 200 with an
     * error code per record when Kafka refused it, which is no acknowledgement).
     */
    static String acknowledgement(String path, JsonNode answer) {
        if (path.equals(ORDERS)) {
            return answer.path("receiptId").asText();
        }
        JsonNode offsets = answer.path("offsets");
        if (offsets.isArray()) {
            JsonNode first = offsets.path(0);
            return first.has("offset") && !first.has("error_code")
                    ? "offset-" + first.path("partition").asText() + "-" + first.path("offset").asText()
                    : "";
        }
        return "2xx";
    }

    /**
     * The order as one record for the Kafka bridge's {@code POST /topics/<topic>}: the same order
     * JSON as the value, the store as the key (as the gateway keys its events).
     */
    static String bridgeBody(FleetTerminal terminal, String order) {
        return "{\"records\":[{\"key\":\"" + terminal.storeCode() + "\",\"value\":" + order + "}]}";
    }

    private interface Write {
        void run() throws IOException;
    }

    private void write(Write write) {
        try {
            write.run();
        } catch (IOException e) {
            faults.count("receipts", e);
        }
    }

    /** The terminal lost the answer and sends the same order again: it must get the same receipt. */
    private void resend(FleetTerminal terminal, String body, String receipt) {
        post(terminal, "/v1/orders", "application/json", body, terminal.key()).onComplete(result -> {
            if (result.failed()) {
                faults.count("resend", result.cause());
                return;
            }
            int status = result.result().status();
            if (status != 200) {
                count("resend-" + status);
                return;
            }
            boolean same = receipt.equals(result.result().json().path("receiptId").asText());
            count(same ? "resend-same-receipt" : "resend-MISMATCH");
        });
    }

    /**
     * A few terminals misbehave; every one must be refused the right way. A check that met an
     * error (counted under {@code heartbeat} or {@code misbehave}) is unverified, not passed.
     */
    private boolean misbehave(List<FleetTerminal> fleet) throws InterruptedException {
        int count = Math.min(options.integer("misbehaving", 5), fleet.size());
        boolean allRefused = true;
        int unverified = 0;
        for (int i = 0; i < count; i++) {
            FleetTerminal t = fleet.get(i);
            Reply wrongKey = await("heartbeat",
                    post(t, "/v1/heartbeat", "application/json", "", "wrong-key-" + i + "-0000000000"));
            FleetTerminal elsewhere = new FleetTerminal(t.terminalId(), t.storeCode(), "127.30.0." + (i + 1), t.key());
            Reply wrongAddress = await("heartbeat", post(elsewhere, "/v1/heartbeat", "application/json", "", t.key()));
            Reply csv = await("misbehave", post(t, "/v1/orders/csv", "text/csv; charset=UTF-8",
                    "store_code,sequence,delivery_date,item_code,quantity,unit\n" + t.storeCode() + ",x,2030-01-01\n",
                    t.key()));
            if (wrongKey == null || wrongAddress == null || csv == null) {
                unverified++;
                allRefused = false;
                continue;
            }
            boolean csvRefused = csv.status() == 200 && csv.json().path("errors").size() == 1
                    && csv.json().path("accepted").asInt() == 0;
            count("misbehaving-wrong-key-" + wrongKey.status());
            count("misbehaving-wrong-address-" + wrongAddress.status());
            count("misbehaving-malformed-csv-" + (csvRefused ? "refused" : "ACCEPTED"));
            allRefused &= wrongKey.status() == 401 && wrongAddress.status() == 403 && csvRefused;
        }
        if (count > 0) {
            System.out.println("[sim] " + count + " misbehaving terminals " + (allRefused ? "refused as expected"
                    : unverified > 0 ? "not all checked: " + unverified + " met errors (see errors)"
                    : "NOT refused as expected"));
        }
        return allRefused;
    }

    /** The reply, or null after counting the error under the step. */
    private Reply await(String step, Future<Reply> reply) throws InterruptedException {
        try {
            return reply.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            faults.count(step, e);
            return null;
        }
    }

    record Reply(int status, JsonNode json) {
    }

    private Future<Reply> post(FleetTerminal terminal, String uri, String type, String body, String key) {
        return client(terminal).request(new RequestOptions().setMethod(HttpMethod.POST).setURI(uri)
                        .setTimeout(options.integer("timeout-ms", 10_000))
                        .putHeader("X-Terminal-Id", terminal.terminalId())
                        .putHeader("Authorization", "Bearer " + key)
                        .putHeader("Content-Type", type))
                .compose(req -> req.send(Buffer.buffer(body, StandardCharsets.UTF_8.name())))
                .compose(resp -> resp.body().map(b -> new Reply(resp.statusCode(), parse(b))));
    }

    private static JsonNode parse(Buffer body) {
        try {
            return body.length() == 0 ? JSON.createObjectNode() : JSON.readTree(body.getBytes());
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }

    static String order(FleetTerminal terminal, long sequence, List<String> items, int lines) {
        LocalDate delivery = LocalDate.now(ZoneId.of("Asia/Tokyo")).plusDays(2);
        StringBuilder body = new StringBuilder("{\"storeCode\":\"").append(terminal.storeCode())
                .append("\",\"sequence\":").append(sequence).append(",\"deliveryDate\":\"").append(delivery)
                .append("\",\"lines\":[");
        int first = ThreadLocalRandom.current().nextInt(items.size());
        for (int i = 0; i < lines; i++) {
            if (i > 0) {
                body.append(',');
            }
            body.append("{\"itemCode\":\"").append(items.get((first + i) % items.size()))
                    .append("\",\"quantity\":").append(1 + ThreadLocalRandom.current().nextInt(10))
                    .append(",\"unit\":\"CS\"}");
        }
        return body.append("]}").toString();
    }

    /** The measurement starts here: after registration and any connections opened in advance. */
    private void measureFrom() {
        cpuFrom = processCpuNanos();
        measuredFrom = System.nanoTime();
    }

    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? os.getProcessCpuTime() : 0L;
    }

    private void count(String outcome) {
        outcomes.computeIfAbsent(outcome, k -> new AtomicLong()).incrementAndGet();
    }

    private void progress(long start) {
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[sim] %5.1f s  sent %d  acked %d  unacked %d  in flight %d  errors %d %s  %s%n", seconds,
                sent.get(), acknowledged.get(), unacknowledged.get(), sent.get() - answered.get() - retries.get(),
                faults.total(), faults.snapshot(), new TreeMap<>(outcomes));
    }
}
