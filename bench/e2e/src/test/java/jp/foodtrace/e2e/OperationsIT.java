package jp.foodtrace.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.foodtrace.messaging.Topics;
import jp.foodtrace.platform.MetricQueries;
import jp.foodtrace.platform.MetricQueries.Matcher;
import jp.foodtrace.platform.MetricQueries.Query;
import jp.foodtrace.platform.MetricQueries.Selector;
import jp.foodtrace.platform.MetricQueries.Series;
import jp.foodtrace.platform.Platform;
import jp.foodtrace.platform.PlatformConfig;
import jp.foodtrace.platform.PrometheusServer;
import jp.foodtrace.platform.SuiteService;
import jp.foodtrace.testsupport.TestEvents;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What on-call sees, in one start of the packaged suite on free ports: the five services, the ops
 * console and Prometheus (Debian's package, as {@code ./suite up --observability} starts it).
 * Starting the suite costs a minute or two, so the metric contract, the console in a real browser
 * (headless Chromium) and the member trace page share one start and one round of traffic:
 *
 * <ul>
 * <li>a small fleet run (the simulators' jar: HQ seeds four stores, three terminals order);</li>
 * <li>the traffic the alert rules and dashboards watch: HQ uploads a store whose cut-off is half an
 * hour ahead, two terminals of it order (JSON, a resend, CSV) and a third is registered and never
 * sends; one request has a wrong key; HQ reads and acknowledges the feed and ships; a mail is
 * sent; a returned mail lands in the inbound bucket; a record that can never be processed lands on
 * terminal.orders.v1;</li>
 * <li>HQ sends a lot made from an input lot and ships it to two stores, the lot is recalled (the
 * notices go out through the SES endpoint), and one unreadable mail request is dead-lettered.</li>
 * </ul>
 *
 * Then, in order: (1) every metric name and label that an alert rule or a dashboard query uses is
 * exported by some service; (2) Prometheus answers every dashboard query, and every selector of
 * every alert, with series; (3) the console's figures are the services' figures and its button
 * replays a dead letter; (4) the silent terminal is on the console's silent-terminals panel and
 * {@code TerminalsSilentBeforeCutoff} fires for its store, in the same run; (5) the trace page on a
 * phone, in Japanese and English. The names, labels and queries come from the rule and dashboard
 * files themselves ({@link MetricQueries}); the screenshots (docs/operations/ with
 * {@code -Dscreenshots.dir}) are taken from this run.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperationsIT {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final String GTIN = "04901234567894";
    private static final String JAN = "4901234567894";

    private static final String P = "E" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
    private static final String LOT = P + "-L1";
    private static final String INPUT_LOT = P + "-IN1";
    /** The store of the watched traffic, with its cut-off half an hour ahead, and its terminal that never sends. */
    private static final String SILENT_STORE = "OBS" + P.substring(1);
    private static final String SILENT_TERMINAL = "T-OBS-SILENT-" + P;
    /** The fleet run's orders (three terminals, one order each) and the watched traffic's (JSON and CSV). */
    private static final int ORDERS = 3 + 2;

    private static Platform platform;
    private static Path work;
    private static Path shots;
    private static List<Query> queries;
    /** The silent store's cut-off today, in Tokyo. */
    private static LocalDateTime cutOff;

    @BeforeAll
    static void startSuiteAndDriveTraffic() throws Exception {
        work = Files.createDirectories(Path.of("target/operations").toAbsolutePath());
        Browser.ensureInstalled(work.resolve("apt.log"));
        queries = MetricQueries.of(PlatformConfig.findRoot());
        // A home of its own per run: Kafka starts empty, so the console shows only this run's dead letters.
        PlatformConfig config = PlatformConfig.isolated(PlatformConfig.findRoot(),
                Files.createTempDirectory(Files.createDirectories(Path.of("target")), "platform-operations")
                        .toAbsolutePath(),
                "suite_test_operations" + System.getenv().getOrDefault("SUITE_TEST_DB_SUFFIX", ""));
        // into target/ by default, so that a test run leaves the checkout as it was;
        // -Dscreenshots.dir=docs/operations refreshes the ones the docs show
        shots = Files.createDirectories(config.root().resolve(
                System.getProperty("screenshots.dir", "bench/e2e/target/screenshots")));
        // Scrape and evaluate every 2 s; every alert's for: shortened to 20 s so that it fires within the test.
        platform = new Platform(config, new PrometheusServer.Settings(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Optional.of(Duration.ofSeconds(20))));
        platform.upInfrastructure(EnumSet.allOf(Platform.Part.class), true, OperationsIT::say);
        platform.upServices(List.of(SuiteService.values()), OperationsIT::say);
        platform.upConsole(OperationsIT::say);
        platform.upObservability(OperationsIT::say);

        runTheFleet();
        driveWatchedTraffic();
        recallAndDeadLetter();
        settle();
    }

    @AfterAll
    static void stopSuite() {
        if (platform != null) {
            platform.stop();
        }
    }

    /** HQ seeds four stores and ten items; three terminals order once each. */
    private static void runTheFleet() throws Exception {
        Process seed = sim("seed", "hq", "seed", "--stores", "4", "--items", "10");
        assertEquals(0, seed.waitFor(), log("seed"));
        Thread.sleep(10_000); // master data reaches the gateway and order-service through the compacted topics
        Process fleet = sim("fleet", "fleet", "rush", "--terminals", "3", "--lines", "3", "--items", "10",
                "--misbehaving", "0", "--resend", "0",
                "--port", Integer.toString(platform.config().port(SuiteService.TERMINAL_GATEWAY)));
        assertTrue(fleet.waitFor(120, TimeUnit.SECONDS), "the fleet simulator did not finish");
        assertEquals(0, fleet.exitValue(), log("fleet"));
    }

    /**
     * What the alert rules and dashboards watch: HQ uploads a store (cut-off half an hour ahead)
     * and a product; two terminals order (JSON, a resend, CSV), a third never does; one request
     * has a wrong key; HQ reads and acknowledges the feed and ships; a mail is sent; a returned
     * mail lands in the inbound bucket; a record that can never be processed lands on
     * terminal.orders.v1.
     */
    private static void driveWatchedTraffic() throws Exception {
        PlatformConfig config = platform.config();
        String admin = "Bearer " + PlatformConfig.LOCAL_ADMIN_TOKEN;
        String suffix = P.substring(1);
        String store = SILENT_STORE;

        String hq = "Bearer " + json(request("POST", sync() + "/v1/admin/clients", admin, "application/json",
                "{\"name\":\"hq-obs\",\"scopes\":[\"feed:read\",\"data:write\",\"trace:read\",\"recall:write\"]}"), 201)
                .path("token").asText();
        cutOff = cutOffHalfAnHourAhead();
        json(request("POST", sync() + "/v1/stores", hq, "application/json", "[{\"storeCode\":\"" + store
                + "\",\"name\":\"観測店\",\"cutOffTime\":\"" + cutOff.format(DateTimeFormatter.ofPattern("HH:mm"))
                + "\",\"contactEmail\":\"obs-" + suffix + "@example.jp\"}]"), 200);
        json(request("POST", sync() + "/v1/products", hq, "application/json", "[{\"itemCode\":\"" + JAN
                + "\",\"name\":\"牛乳 1L\",\"unit\":\"CS\",\"orderable\":true,\"minQuantity\":1,\"maxQuantity\":50}]"), 200);

        Map<String, String> keys = new HashMap<>();
        String t1 = "T-OBS-1-" + suffix;
        String t2 = "T-OBS-2-" + suffix;
        for (String terminal : List.of(t1, t2, SILENT_TERMINAL)) {
            String key = "obs-key-" + UUID.randomUUID();
            keys.put(terminal, key);
            json(request("PUT", gateway() + "/v1/admin/terminals/" + terminal, admin, "application/json",
                    "{\"storeCode\":\"" + store + "\",\"source\":\"127.0.0.1\",\"key\":\"" + key + "\"}"), 201);
        }
        awaitTrue("store master at the gateway", () -> json(terminal("GET", gateway() + "/v1/master/store?since=0", t1,
                keys.get(t1), null, null), 200).path("items").size() == 1);

        String delivery = LocalDate.now(TOKYO).plusDays(2).toString();
        String order = "{\"storeCode\":\"" + store + "\",\"sequence\":1,\"deliveryDate\":\"" + delivery + "\",\"lines\":"
                + "[{\"itemCode\":\"" + JAN + "\",\"quantity\":3,\"unit\":\"CS\"}]}";
        String receipt = json(terminal("POST", gateway() + "/v1/orders", t1, keys.get(t1), "application/json", order),
                202).path("receiptId").asText();
        json(terminal("POST", gateway() + "/v1/orders", t1, keys.get(t1), "application/json", order), 200);
        json(terminal("POST", gateway() + "/v1/orders/csv", t2, keys.get(t2), "text/csv; charset=UTF-8",
                store + ",7," + delivery + "," + JAN + ",2,CS\n"), 200);
        terminal("GET", gateway() + "/v1/master/store?since=0", t2, "not-the-key", null, null);
        json(terminal("POST", gateway() + "/v1/heartbeat", t1, keys.get(t1), null, null), 200);

        JsonNode[] fed = new JsonNode[1];
        awaitTrue("order in HQ feed", () -> {
            for (JsonNode o : json(request("GET", sync() + "/v1/feed/orders?after=0&limit=1000", hq, null, null), 200)
                    .path("orders")) {
                if (receipt.equals(o.path("receiptId").asText())) {
                    fed[0] = o;
                    return true;
                }
            }
            return false;
        });
        json(request("POST", sync() + "/v1/feed/orders/ack", hq, "application/json",
                "{\"position\":\"" + fed[0].path("cursor").asText() + "\"}"), 200);
        String lot = "L-OBS-" + suffix;
        json(request("POST", sync() + "/v1/lots", hq, "application/json", "[{\"lotNumber\":\"" + lot + "\",\"itemCode\":\""
                + JAN + "\",\"plant\":\"PLANT-01\",\"producedAt\":\"2030-01-01T00:00:00Z\",\"bestBefore\":\"2030-01-10\","
                + "\"quantity\":1000,\"inputs\":[]}]"), 200);
        json(request("POST", sync() + "/v1/shipments", hq, "application/json", "[{\"shipmentId\":\"SH-OBS-" + suffix
                + "\",\"storeCode\":\"" + store + "\",\"shippedAt\":\"2030-01-02T00:00:00Z\",\"orderIds\":[\""
                + fed[0].path("orderId").asText() + "\"],\"lines\":[{\"itemCode\":\"" + JAN + "\",\"lotNumber\":\""
                + lot + "\",\"quantity\":3}]}]"), 200);

        String mail = config.serviceUrl(SuiteService.MAIL_SERVICE);
        String ops = "Bearer " + PlatformConfig.LOCAL_OPS_TOKEN;
        json(request("POST", mail + "/v1/mail/requests", ops, "application/json", """
                {"requestId":"obs-%s","recipient":"member-%s@example.jp","templateId":"account-notice","locale":"ja",
                 "category":"transactional","parameters":{"memberName":"山田","event":"password-changed",
                 "occurredAt":"2030-01-01T09:00:00+09:00"}}""".formatted(suffix, suffix)), 202);
        try (S3Client s3 = LocalS3.client(platform.config())) {
            s3.putObject(b -> b.bucket(PlatformConfig.INBOUND_MAIL_BUCKET).key("inbound/obs-arf-" + suffix),
                    RequestBody.fromString(Complaints.arf("someone-" + suffix + "@example.com", "obs")));
        }
        new TestEvents(config.kafkaBootstrap()).sendWithoutHeaders(Topics.TERMINAL_ORDERS, store, "{not an event");
    }

    /**
     * HQ: a product, a lot made from an input lot, shipped to two stores; then the lot is recalled.
     * And an unreadable mail request, which mail-service dead-letters with its reason.
     */
    private static void recallAndDeadLetter() throws Exception {
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

        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.config().kafkaBootstrap(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            ProducerRecord<String, String> bad = new ProducerRecord<>(Topics.MAIL_REQUESTS, "broken@example.jp",
                    "this is not an event");
            bad.headers().add("event-id", deadLetterId().getBytes(StandardCharsets.UTF_8));
            bad.headers().add("event-type", "MailRequested".getBytes(StandardCharsets.UTF_8));
            producer.send(bad).get(30, TimeUnit.SECONDS);
        }
    }

    /** Everything above has had its effect: the pages and Prometheus then see the same state. */
    private static void settle() throws Exception {
        awaitTrue("order SHIPPED, dead letter, mail sent, returned mail read", () -> {
            String order1 = scrape(SuiteService.ORDER_SERVICE);
            String mails = scrape(SuiteService.MAIL_SERVICE);
            String bounces = scrape(SuiteService.BOUNCE_SERVICE);
            return order1.contains("outcome=\"shipped\"") && order1.contains("suite_dead_letters_total{")
                    && mails.contains("outcome=\"sent\"") && bounces.contains("suite_bounce_service_objects_processed_total{");
        });
        await("recall notices SENT", () -> {
            JsonNode recall = get(sync() + "/v1/ops/recalls?limit=5", PlatformConfig.LOCAL_ADMIN_TOKEN).get(0);
            return recall != null && recall.path("notices").size() == 2
                    && recall.path("notices").findValuesAsText("delivery").stream().allMatch("SENT"::equals);
        });
        await("the dead letter in mail.requests.v1.dlq", () -> consoleSnapshot().toString().contains(deadLetterId()));
        await("only the registered terminal silent", () -> get(gateway() + "/v1/ops/terminals/silent",
                PlatformConfig.LOCAL_ADMIN_TOKEN).size() == 1);
        await(ORDERS + " orders decided", () -> get(orders() + "/v1/orders/summary?hours=6",
                PlatformConfig.LOCAL_OPS_TOKEN).path("received").asLong() == ORDERS);
        // The query-backed gauges are sampled every 15 s: wait for the first sample with this traffic in it.
        awaitTrue("lag and terminal gauges sampled", () -> scrape(SuiteService.SYNC_SERVICE).contains("suite_consumer_lag{")
                && scrape(SuiteService.TERMINAL_GATEWAY).matches("(?s).*suite_terminal_gateway_terminals_seen\\{[^}]*} [1-9].*"));
    }

    @Test
    @Order(1)
    void everyMetricAndLabelThatRulesAndDashboardsUseIsExportedBySomeService() throws Exception {
        List<Series> exported = new ArrayList<>();
        for (SuiteService service : SuiteService.values()) {
            exported.addAll(MetricQueries.exposition(scrape(service)));
        }
        Set<String> missing = new LinkedHashSet<>();
        for (Query query : queries) {
            List<Series> used = new ArrayList<>();
            for (Selector selector : query.selectors()) {
                if (selector.metric() != null && MetricQueries.PROMETHEUS_SERIES.contains(selector.metric())) {
                    continue;
                }
                List<Series> named = exported.stream().filter(s -> selector.names(s.name())).toList();
                if (named.isEmpty()) {
                    missing.add(selector + " (" + query.source() + ")");
                    continue;
                }
                used.addAll(named);
                for (Matcher matcher : selector.labels()) {
                    if (!MetricQueries.TARGET_LABELS.contains(matcher.label())
                            && named.stream().noneMatch(s -> s.labels().containsKey(matcher.label()))) {
                        missing.add("label " + matcher.label() + " of " + selector + " (" + query.source() + ")");
                    }
                }
            }
            for (String label : query.byLabels()) {
                if (!used.isEmpty() && !MetricQueries.TARGET_LABELS.contains(label)
                        && used.stream().noneMatch(s -> s.labels().containsKey(label))) {
                    missing.add("label " + label + " aggregated by in " + query.source());
                }
            }
        }
        assertTrue(missing.isEmpty(), "used by rules or dashboards, exported by no service:\n" + String.join("\n", missing));
    }

    @Test
    @Order(2)
    void prometheusAnswersEveryDashboardQueryAndEveryAlertSelectorWithSeries() throws Exception {
        awaitTrue("Prometheus scrapes the five services", () -> result(query("up{job=\"suite\"} == 1")).size()
                == SuiteService.values().length);
        List<String> checks = new ArrayList<>();
        Map<String, String> sources = new HashMap<>();
        for (Query query : queries) {
            if (query.alert()) {
                // An alert's condition is normally false: its selectors must have series.
                for (Selector selector : query.selectors()) {
                    checks.add(relaxed(selector));
                    sources.put(relaxed(selector), query.source());
                }
            } else {
                checks.add(query.expr());
                sources.put(query.expr(), query.source());
            }
        }
        List<String> empty = new ArrayList<>(checks);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!empty.isEmpty() && System.nanoTime() < deadline) {
            List<String> still = new ArrayList<>();
            for (String expr : empty) {
                if (result(query(expr)).isEmpty()) {
                    still.add(expr);
                }
            }
            empty = still;
            if (!empty.isEmpty()) {
                Thread.sleep(2000);
            }
        }
        assertTrue(empty.isEmpty(), "Prometheus returns no series for:\n" + String.join("\n",
                empty.stream().map(e -> sources.get(e) + ": " + e).toList()));
    }

    @Test
    @Order(3)
    void consoleShowsWhatTheServicesReportAndReplaysADeadLetter() throws Exception {
        try (Browser browser = Browser.start(work.resolve("chromedriver-console.log"))) {
            browser.windowSize(1400, 1000);
            browser.open(console() + "/ops");
            assertTrue(browser.url().endsWith("/ops/login"), "without the token the console asks for it: " + browser.url());
            browser.type("#token", "wrong-token");
            browser.click("#sign-in");
            assertTrue(browser.text("#error").contains("not valid"));
            signIn(browser);

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
            assertEquals(Integer.toString(ORDERS), browser.text("#orders-received"));

            // Consumer lag from Kafka: every consuming service's group is listed.
            String lag = browser.text("#lag");
            for (String group : List.of("order-service", "sync-service", "mail-service")) {
                assertTrue(lag.contains(group), "no lag row for " + group + ": " + lag);
            }
            assertFalse(lag.contains("unavailable"), lag);
            assertTrue(browser.text("#outbox").contains("terminal-gateway"));
            // Outbox: the parked figures are the services' own.
            assertEquals(get(gateway() + "/v1/ops/outbox", PlatformConfig.LOCAL_ADMIN_TOKEN).path("parked").asText(),
                    browser.text("#outbox-parked-terminal-gateway"));
            assertEquals(get(platform.config().serviceUrl(SuiteService.SYNC_SERVICE) + "/v1/ops/outbox",
                    PlatformConfig.LOCAL_ADMIN_TOKEN).path("parked").asText(), browser.text("#outbox-parked-sync-service"));

            // Rates: the same sends as bounce-service's /v1/rates.
            JsonNode rates = get(bounce() + "/v1/rates", PlatformConfig.LOCAL_OPS_TOKEN);
            assertEquals(rates.path("rolling").path("sends").asText(), browser.text("#rolling-sends"));

            // Recall: each store's mail outcome as sync-service reports it.
            JsonNode recall = get(sync() + "/v1/ops/recalls?limit=1", PlatformConfig.LOCAL_ADMIN_TOKEN).get(0);
            assertEquals(P + "-R1", recall.path("recallId").asText());
            assertEquals(recall.path("notices").findValuesAsText("delivery"),
                    browser.texts("#recall-" + P + "-R1 td.delivery"));

            // Dead letters: the mail request listed with its reason, next to the unreadable terminal
            // order; the screenshot shows them before the replay.
            String letters = browser.text("#dead-letters");
            assertTrue(letters.contains(deadLetterId()), letters);
            assertTrue(letters.contains("mail.requests.v1.dlq"), letters);
            assertTrue(letters.contains(Topics.deadLetterOf(Topics.TERMINAL_ORDERS)), letters);
            assertTrue(browser.attribute("#dead-letters", "class").contains("critical"));
            assertTrue(browser.attribute("#recalls", "class").contains("ok"), "both notices SENT");
            browser.screenshot(shots.resolve("console.png"));

            long before = deadLetterCount();
            browser.click("#dead-letters form:has(input[name=eventId][value='" + deadLetterId() + "']) button.replay");
            assertTrue(browser.text("#replayed").contains(deadLetterId()), browser.text("#replayed"));
            // Still unreadable, so mail-service dead-letters the replayed copy again: a second letter.
            await("the replayed record dead-lettered again", () -> deadLetterCount() == before + 1);
        }
    }

    /**
     * The promise of the silent-terminal panel and of the alert together: the terminal of the
     * store whose cut-off is half an hour ahead, which never sent, is on the console (store, never
     * seen) while Prometheus fires {@code TerminalsSilentBeforeCutoff} for it. The alert is one per
     * fleet (its description sends on-call to the list), so "for that store" is checked through the
     * series it is computed from: one silent terminal, and the cut-off that matters is that store's.
     */
    @Test
    @Order(4)
    void theSilentTerminalIsOnTheConsoleWhileItsStoresAlertFires() throws Exception {
        JsonNode[] firing = new JsonNode[1];
        awaitTrue("TerminalsSilentBeforeCutoff firing", () -> {
            for (JsonNode alert : json(fetch(platform.config().prometheusUrl() + "/api/v1/alerts"), 200)
                    .path("data").path("alerts")) {
                if ("TerminalsSilentBeforeCutoff".equals(alert.path("labels").path("alertname").asText())
                        && "firing".equals(alert.path("state").asText())) {
                    firing[0] = alert;
                    return true;
                }
            }
            return false;
        }, Duration.ofSeconds(120));
        JsonNode silent = result(query("suite_terminal_gateway_terminals_silent"));
        assertTrue(silent.path(0).path("value").path(1).asDouble() >= 1, silent.toString());
        assertEquals(1.0, firing[0].path("value").asDouble(), "the alert's value is the silent count: " + firing[0]);

        // The cut-off the alert measures is the silent store's (the only store with a silent
        // terminal; the fleet's stores closed at 10:00). The gauge is sampled every 15 s.
        long toCutOff = Duration.between(Instant.now(), cutOff.atZone(TOKYO).toInstant()).toSeconds();
        JsonNode seconds = result(query("max(suite_terminal_gateway_order_cutoff_seconds)"));
        double measured = seconds.path(0).path("value").path(1).asDouble();
        assertTrue(measured > 0 && measured <= 3600, seconds.toString());
        assertTrue(measured >= toCutOff - 5 && measured <= toCutOff + 60,
                "cut-off gauge " + measured + " s, the store's cut-off " + cutOff + " is " + toCutOff + " s ahead");
        JsonNode listed = get(gateway() + "/v1/ops/terminals/silent", PlatformConfig.LOCAL_ADMIN_TOKEN);
        assertEquals(1, listed.size(), listed.toString());
        assertEquals(SILENT_STORE, listed.get(0).path("storeCode").asText(), listed.toString());
        assertEquals(SILENT_TERMINAL, listed.get(0).path("terminalId").asText(), listed.toString());

        try (Browser browser = Browser.start(work.resolve("chromedriver-silent.log"))) {
            browser.windowSize(1400, 1000);
            browser.open(console() + "/ops");
            signIn(browser);
            assertEquals("1", browser.text("#silent-count"));
            assertEquals("1", browser.text("#silent-stores"));
            assertEquals(List.of(SILENT_STORE), browser.texts("tr.silent-terminal td:nth-child(1)"));
            assertEquals(List.of(SILENT_TERMINAL), browser.texts("tr.silent-terminal td:nth-child(2)"));
            assertEquals(List.of("never"), browser.texts("tr.silent-terminal td:nth-child(3)"));
            assertTrue(browser.attribute("#silent", "class").contains("critical"));
        }
        // Still firing after the page was read: both views are of the same moment.
        assertTrue(alertFiring("TerminalsSilentBeforeCutoff"), "the alert stopped firing while the console showed the store");
    }

    @Test
    @Order(5)
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

    private static void signIn(Browser browser) throws Exception {
        browser.type("#token", PlatformConfig.LOCAL_OPS_TOKEN);
        browser.click("#sign-in");
        assertTrue(browser.url().endsWith("/ops"), browser.url());
    }

    private static boolean alertFiring(String name) throws Exception {
        for (JsonNode alert : json(fetch(platform.config().prometheusUrl() + "/api/v1/alerts"), 200)
                .path("data").path("alerts")) {
            if (name.equals(alert.path("labels").path("alertname").asText())
                    && "firing".equals(alert.path("state").asText())) {
                return true;
            }
        }
        return false;
    }

    /** A selector with its value regexes (a state such as {@code status=~"5.."}) relaxed to the label being there. */
    private static String relaxed(Selector selector) {
        List<Matcher> matchers = new ArrayList<>();
        for (Matcher m : selector.matchers()) {
            if (m.op().equals("=~") && !m.label().equals("__name__")) {
                matchers.add(new Matcher(m.label(), "=~", ".+"));
            } else if (!m.op().equals("!~")) {
                matchers.add(m);
            }
        }
        return new Selector(selector.metric(), matchers).promql();
    }

    /** Today in Tokyo, half an hour from now to the minute (waits past midnight in the last minutes of a day). */
    private static LocalDateTime cutOffHalfAnHourAhead() throws InterruptedException {
        LocalDateTime now = LocalDateTime.now(TOKYO);
        if (now.toLocalTime().isAfter(LocalTime.of(23, 55))) {
            Thread.sleep(Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay().plusSeconds(5)).toMillis());
            now = LocalDateTime.now(TOKYO);
        }
        LocalDateTime at = now.plusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        if (!at.toLocalDate().equals(now.toLocalDate())) {
            at = now.toLocalDate().atTime(23, 59);
        }
        return at;
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

    private static String scrape(SuiteService service) throws Exception {
        return fetch(platform.config().managementUrl(service) + "/q/metrics").body();
    }

    private static HttpResponse<String> query(String expr) throws Exception {
        return fetch(platform.config().prometheusUrl() + "/api/v1/query?query="
                + URLEncoder.encode(expr, StandardCharsets.UTF_8));
    }

    private static JsonNode result(HttpResponse<String> response) throws Exception {
        JsonNode body = json(response, 200);
        assertTrue("success".equals(body.path("status").asText()), body.toString());
        return body.path("data").path("result");
    }


    // --- HTTP -----------------------------------------------------------------------------------

    /** GET with a bearer token, expecting 200 and JSON. */
    private static JsonNode get(String url, String token) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), url + ": " + answer.body());
        return JSON.readTree(answer.body());
    }

    /** A JSON body from an object, with a bearer token. */
    private static HttpResponse<String> send(String method, String url, String token, Object body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A body as written, with the whole Authorization header value. */
    private static HttpResponse<String> request(String method, String url, String authorization, String type,
            String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A terminal's request: its id and key. */
    private static HttpResponse<String> terminal(String method, String url, String terminal, String key, String type,
            String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + key).header("X-Terminal-Id", terminal)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** GET without credentials (metrics, Prometheus). */
    private static HttpResponse<String> fetch(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response, int... expected) throws Exception {
        for (int status : expected) {
            if (response.statusCode() == status) {
                return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
            }
        }
        throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                + response.statusCode() + ": " + response.body());
    }

    private interface Check {
        boolean holds() throws Exception;
    }

    /** Waits for a check that must hold; its exceptions fail at once. */
    private static void awaitTrue(String what, Check check) throws Exception {
        awaitTrue(what, check, Duration.ofSeconds(90));
    }

    private static void awaitTrue(String what, Check check, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    /** Waits for a check whose errors (a service still starting a panel) are retried until 90 s. */
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
        System.out.println("[operations] " + line);
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
