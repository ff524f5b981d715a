package jp.foodtrace.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.foodtrace.messaging.Topics;
import jp.foodtrace.platform.Platform;
import jp.foodtrace.platform.PlatformConfig;
import jp.foodtrace.platform.SuiteService;

/**
 * The ops console and the member trace page in a real browser (headless Chromium) against the
 * packaged suite after a small fleet run: three terminals order, a fourth is registered and stays
 * silent, HQ sends a lot made from an input lot and ships it to two stores, the lot is recalled
 * (the notices go out through the SES endpoint), and one unreadable mail request is
 * dead-lettered. The figures the pages show are checked against the services' APIs, the
 * dead letter is replayed with the console's button, and the screenshots (docs/operations/ with -Dscreenshots.dir)
 * are taken from this run.
 */
class OpsPagesIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String GTIN = "04901234567894";
    private static final String JAN = "4901234567894";

    private static Platform platform;
    private static Path work;
    private static Path shots;
    private static final String P = "E" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static final String LOT = P + "-L1";
    private static final String INPUT_LOT = P + "-IN1";
    private static final String SILENT_TERMINAL = P + "-SILENT";
    private static final String SILENT_STORE = "S00004";

    @BeforeAll
    static void startSuiteAndRunTheFleet() throws Exception {
        work = Files.createDirectories(Path.of("target/ops-pages").toAbsolutePath());
        Browser.ensureInstalled(work.resolve("apt.log"));
        // A home of its own per run: Kafka starts empty, so the page shows only this run's dead letters.
        PlatformConfig config = PlatformConfig.isolated(PlatformConfig.findRoot(),
                Files.createTempDirectory(Files.createDirectories(Path.of("target")), "platform-ops").toAbsolutePath(),
                "suite_test_ops" + System.getenv().getOrDefault("SUITE_TEST_DB_SUFFIX", ""));
        // into target/ by default, so that a test run leaves the checkout as it was;
        // -Dscreenshots.dir=docs/operations refreshes the ones the docs show
        shots = Files.createDirectories(config.root().resolve(
                System.getProperty("screenshots.dir", "bench/e2e/target/screenshots")));
        platform = new Platform(config);
        platform.upInfrastructure(EnumSet.allOf(Platform.Part.class), true, OpsPagesIT::say);
        platform.upServices(List.of(SuiteService.values()), OpsPagesIT::say);
        platform.upConsole(OpsPagesIT::say);

        Process seed = sim("seed", "hq", "seed", "--stores", "4", "--items", "10");
        assertEquals(0, seed.waitFor(), log("seed"));
        Thread.sleep(10_000); // master data reaches the gateway and order-service through the compacted topics
        Process fleet = sim("fleet", "fleet", "rush", "--terminals", "3", "--lines", "3", "--items", "10",
                "--misbehaving", "0", "--resend", "0",
                "--port", Integer.toString(config.port(SuiteService.TERMINAL_GATEWAY)));
        assertTrue(fleet.waitFor(120, TimeUnit.SECONDS), "the fleet simulator did not finish");
        assertEquals(0, fleet.exitValue(), log("fleet"));

        // A terminal registered for store S00004 that never sends: silent today.
        assertEquals(201, send("PUT", gateway() + "/v1/admin/terminals/" + SILENT_TERMINAL,
                PlatformConfig.LOCAL_ADMIN_TOKEN, Map.of("storeCode", SILENT_STORE, "source", "127.0.0.1",
                        "key", "silent-terminal-key-" + UUID.randomUUID())).statusCode());

        // HQ: a product, a lot made from an input lot, shipped to two stores; then the lot is recalled.
        String hq = syncClient("data:write", "recall:write");
        post(hq, "/v1/products", List.of(Map.of("itemCode", JAN, "name", "食パン 6枚切", "unit", "個",
                "orderable", true, "minQuantity", 1, "maxQuantity", 99)));
        post(hq, "/v1/lots", List.of(Map.of("lotNumber", LOT, "itemCode", JAN, "plant", "船橋工場",
                "producedAt", "2026-12-01T18:00:00Z", "bestBefore", "2026-12-05", "quantity", 200,
                "inputs", List.of(Map.of("lotNumber", INPUT_LOT, "quantity", 40)))));
        post(hq, "/v1/shipments", List.of(shipment(P + "-SH1", "S00001", "2026-12-01T21:00:00Z"),
                shipment(P + "-SH2", "S00002", "2026-12-01T21:30:00Z")));
        assertEquals(201, send("POST", sync() + "/v1/recalls", hq,
                Map.of("recallId", P + "-R1", "lotNumber", LOT, "reason", "異物混入の恐れ")).statusCode());

        // An unreadable mail request: mail-service dead-letters it with its reason.
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            ProducerRecord<String, String> bad = new ProducerRecord<>(Topics.MAIL_REQUESTS, "broken@example.jp",
                    "this is not an event");
            bad.headers().add("event-id", deadLetterId().getBytes(StandardCharsets.UTF_8));
            bad.headers().add("event-type", "MailRequested".getBytes(StandardCharsets.UTF_8));
            producer.send(bad).get(30, TimeUnit.SECONDS);
        }

        // Settle: every store's notice has its mail outcome, the dead letter is there, the orders are decided.
        await("recall notices SENT", () -> {
            JsonNode recall = get(sync() + "/v1/ops/recalls?limit=5", PlatformConfig.LOCAL_ADMIN_TOKEN).get(0);
            return recall != null && recall.path("notices").size() == 2
                    && recall.path("notices").findValuesAsText("delivery").stream().allMatch("SENT"::equals);
        });
        await("the dead letter in mail.requests.v1.dlq", () -> consoleSnapshot().toString().contains(deadLetterId()));
        await("only the registered terminal silent", () -> get(gateway() + "/v1/ops/terminals/silent",
                PlatformConfig.LOCAL_ADMIN_TOKEN).size() == 1);
        await("3 orders decided", () -> get(orders() + "/v1/orders/summary?hours=6", PlatformConfig.LOCAL_OPS_TOKEN)
                .path("received").asLong() == 3);
    }

    @AfterAll
    static void stopSuite() {
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    void consoleShowsWhatTheServicesReportAndReplaysADeadLetter() throws Exception {
        try (Browser browser = Browser.start(work.resolve("chromedriver-console.log"))) {
            browser.windowSize(1400, 1000);
            browser.open(console() + "/ops");
            assertTrue(browser.url().endsWith("/ops/login"), "without the token the console asks for it: " + browser.url());
            browser.type("#token", "wrong-token");
            browser.click("#sign-in");
            assertTrue(browser.text("#error").contains("not valid"));
            browser.type("#token", PlatformConfig.LOCAL_OPS_TOKEN);
            browser.click("#sign-in");
            assertTrue(browser.url().endsWith("/ops"), browser.url());

            // Silent terminals: the one that never sent, as terminal-gateway lists it.
            JsonNode silent = get(gateway() + "/v1/ops/terminals/silent", PlatformConfig.LOCAL_ADMIN_TOKEN);
            assertEquals(Integer.toString(silent.size()), browser.text("#silent-count"));
            assertEquals(1, silent.size(), silent.toString());
            assertEquals(List.of(SILENT_STORE + " " + SILENT_TERMINAL + " never"), browser.texts("tr.silent-terminal"));
            assertTrue(browser.attribute("#silent", "class").contains("critical"));

            // Orders: the same figures as order-service's summary.
            JsonNode summary = get(orders() + "/v1/orders/summary?hours=6", PlatformConfig.LOCAL_OPS_TOKEN);
            assertEquals(summary.path("received").asText(), browser.text("#orders-received"));
            assertEquals(summary.path("accepted").asText(), browser.text("#orders-accepted"));
            assertEquals(summary.path("rejected").asText(), browser.text("#orders-rejected"));
            assertEquals("3", browser.text("#orders-received"));

            // Consumer lag from Kafka: every consuming service's group is listed.
            String lag = browser.text("#lag");
            for (String group : List.of("order-service", "sync-service", "mail-service")) {
                assertTrue(lag.contains(group), "no lag row for " + group + ": " + lag);
            }
            assertFalse(lag.contains("unavailable"), lag);
            assertTrue(browser.text("#outbox").contains("terminal-gateway"));

            // Rates: the same sends as bounce-service's /v1/rates.
            JsonNode rates = get(bounce() + "/v1/rates", PlatformConfig.LOCAL_OPS_TOKEN);
            assertEquals(rates.path("rolling").path("sends").asText(), browser.text("#rolling-sends"));

            // Recall: each store's mail outcome as sync-service reports it.
            JsonNode recall = get(sync() + "/v1/ops/recalls?limit=1", PlatformConfig.LOCAL_ADMIN_TOKEN).get(0);
            assertEquals(P + "-R1", recall.path("recallId").asText());
            assertEquals(recall.path("notices").findValuesAsText("delivery"),
                    browser.texts("#recall-" + P + "-R1 td.delivery"));

            // Dead letter: listed with its reason; the screenshot shows it before the replay.
            String letters = browser.text("#dead-letters");
            assertTrue(letters.contains(deadLetterId()), letters);
            assertTrue(letters.contains("mail.requests.v1.dlq"), letters);
            assertTrue(browser.attribute("#dead-letters", "class").contains("critical"));
            assertTrue(browser.attribute("#recalls", "class").contains("ok"), "both notices SENT");
            browser.screenshot(shots.resolve("console.png"));

            long before = deadLetterCount();
            browser.click("#dead-letters form button.replay");
            assertTrue(browser.text("#replayed").contains(deadLetterId()), browser.text("#replayed"));
            // Still unreadable, so mail-service dead-letters the replayed copy again: a second letter.
            await("the replayed record dead-lettered again", () -> deadLetterCount() == before + 1);
        }
    }

    @Test
    void tracePageOnAPhoneFindsTheLotFromItsDigitalLinkInJapaneseAndEnglish() throws Exception {
        String member = syncClient("trace:read");
        JsonNode forward = get(sync() + "/v1/trace/lots/" + LOT + "/forward", member);
        try (Browser browser = Browser.start(work.resolve("chromedriver-trace.log"))) {
            browser.header("Authorization", "Bearer " + member);
            browser.windowSize(390, 844);
            browser.open(sync() + "/v1/trace?lang=ja");
            browser.type("#q", "https://id.gs1.org/01/" + GTIN + "/10/" + LOT);
            browser.click("button[type=submit]");

            assertEquals("ロット " + LOT, browser.text("#lot h2"));
            assertEquals(JAN, browser.text("#lot-item"));
            assertEquals(List.of("1段 " + INPUT_LOT + " · " + "HQ から届いていないロット (原料としてのみ記録)"),
                    browser.texts("li.input-lot"));
            assertEquals("届いた店舗: " + forward.path("stores").size() + " 店", browser.text("#stores-reached"));
            List<String> stores = new ArrayList<>();
            forward.path("stores").forEach(s -> stores.add("店舗 " + s.asText()));
            assertEquals(stores, browser.texts(".shipment-store"));
            browser.screenshot(shots.resolve("trace-ja.png"));

            browser.click("#language");
            assertEquals("Stores reached: 2", browser.text("#stores-reached"));
            assertEquals("Lot " + LOT, browser.text("#lot h2"));
            browser.screenshot(shots.resolve("trace-en.png"));

            // Markup typed as a lot number is shown as text: no script element exists (one that ran
            // would also have left an alert that blocks the driver).
            browser.type("#q", "<script>alert(1)</script>");
            browser.click("button[type=submit]");
            assertEquals("Lot <script>alert(1)</script> is not known.", browser.text("#error"));
            assertEquals(0, browser.count("script"));
        }
    }

    // --- the suite's APIs -----------------------------------------------------------------------

    private static String gateway() {
        return platform.config().serviceUrl(SuiteService.TERMINAL_GATEWAY);
    }

    private static String orders() {
        return platform.config().serviceUrl(SuiteService.ORDER_SERVICE);
    }

    private static String sync() {
        return platform.config().serviceUrl(SuiteService.SYNC_SERVICE);
    }

    private static String bounce() {
        return platform.config().serviceUrl(SuiteService.BOUNCE_SERVICE);
    }

    private static String console() {
        return platform.config().consoleUrl();
    }

    private static String deadLetterId() {
        return UUID.nameUUIDFromBytes(P.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static JsonNode consoleSnapshot() throws Exception {
        return get(console() + "/ops/snapshot", PlatformConfig.LOCAL_OPS_TOKEN);
    }

    private static long deadLetterCount() throws Exception {
        long n = 0;
        for (JsonNode topic : consoleSnapshot().path("deadLetters").path("data").path("topics")) {
            for (JsonNode letter : topic.path("letters")) {
                if (letter.path("eventId").asText().equals(deadLetterId())) {
                    n++;
                }
            }
        }
        return n;
    }

    private static Map<String, Object> shipment(String id, String store, String at) {
        return Map.of("shipmentId", id, "storeCode", store, "shippedAt", at, "orderIds", List.of(),
                "lines", List.of(Map.of("itemCode", JAN, "lotNumber", LOT, "quantity", 12)));
    }

    private static String syncClient(String... scopes) throws Exception {
        HttpResponse<String> created = send("POST", sync() + "/v1/admin/clients", PlatformConfig.LOCAL_ADMIN_TOKEN,
                Map.of("name", "ops pages " + String.join(" ", scopes), "scopes", List.of(scopes)));
        assertEquals(201, created.statusCode(), created.body());
        return JSON.readTree(created.body()).path("token").asText();
    }

    private static void post(String token, String path, Object body) throws Exception {
        HttpResponse<String> answer = send("POST", sync() + path, token, body);
        assertEquals(200, answer.statusCode(), path + ": " + answer.body());
        assertEquals(0, JSON.readTree(answer.body()).path("rejected").asInt(), answer.body());
    }

    private static JsonNode get(String url, String token) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), url + ": " + answer.body());
        return JSON.readTree(answer.body());
    }

    private static HttpResponse<String> send(String method, String url, String token, Object body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void await(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        Throwable last = null;
        while (System.nanoTime() < deadline) {
            try {
                if (check.holds()) {
                    return;
                }
            } catch (Exception | AssertionError e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not within 90 s: " + what + (last == null ? "" : " (last error: " + last + ")"));
    }

    private static void say(String line) {
        System.out.println("[ops-pages] " + line);
    }

    /** Runs a simulator as its own process, as {@code bench/sim/bin/sim} does, against this platform. */
    private static Process sim(String name, String... args) throws IOException {
        Path root = platform.config().root();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m", "-cp",
                root.resolve("bench/sim/target/suite-sim.jar") + File.pathSeparator + root.resolve("bench/sim/target/lib/*"),
                args[0].equals("fleet") ? "jp.foodtrace.sim.TerminalFleetSim" : "jp.foodtrace.sim.HqServerSim"));
        command.addAll(List.of(args).subList(1, args.length));
        command.addAll(List.of("--home", work.resolve("sim").toString(), "--sync", sync(), "--orders", orders(),
                "--admin-token", PlatformConfig.LOCAL_ADMIN_TOKEN));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(work.resolve(name + ".log").toFile())
                .start();
    }

    private static String log(String name) throws IOException {
        return Files.readString(work.resolve(name + ".log"));
    }
}
