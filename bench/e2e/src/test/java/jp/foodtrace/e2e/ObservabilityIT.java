package jp.foodtrace.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
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
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The metrics contract against the running suite: the packaged services and Prometheus (Debian's
 * package, as {@code ./suite up --observability} starts it) on free ports, a little traffic of
 * every kind the rules and dashboards watch, then in order: (1) every metric name and label that
 * an alert rule or a dashboard query uses is exported by some service; (2) Prometheus answers
 * every dashboard query, and every selector of every alert, with series; (3) a terminal silent
 * before its store's cut-off fires {@code TerminalsSilentBeforeCutoff}. The list of names, labels
 * and queries comes from the rule and dashboard files themselves ({@link MetricQueries}).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ObservabilityIT {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Platform platform;
    private static List<Query> queries;

    @BeforeAll
    static void startSuiteWithPrometheus() throws Exception {
        queries = MetricQueries.of(PlatformConfig.findRoot());
        PlatformConfig config = PlatformConfig.isolated(PlatformConfig.findRoot(),
                Path.of("target/platform-observability").toAbsolutePath(), "suite_test_e2e_observability");
        // Scrape and evaluate every 2 s; every alert's for: shortened to 20 s so that it fires within the test.
        platform = new Platform(config, new PrometheusServer.Settings(Duration.ofSeconds(2), Duration.ofSeconds(2),
                Optional.of(Duration.ofSeconds(20))));
        platform.upInfrastructure(EnumSet.allOf(Platform.Part.class), true, line -> System.out.println("[obs] " + line));
        platform.upServices(List.of(SuiteService.values()), line -> System.out.println("[obs] " + line));
        platform.upObservability(line -> System.out.println("[obs] " + line));
        driveTraffic();
    }

    @AfterAll
    static void stopSuite() {
        if (platform != null) {
            platform.stop();
        }
    }

    /**
     * HQ uploads a store (cut-off half an hour ahead) and a product; two terminals order (JSON, a
     * resend, CSV), a third never does; one request has a wrong key; HQ reads and acknowledges the
     * feed and ships; a mail is sent; a returned mail lands in the inbound bucket; a record that
     * can never be processed lands on terminal.orders.v1.
     */
    private static void driveTraffic() throws Exception {
        PlatformConfig config = platform.config();
        String sync = config.serviceUrl(SuiteService.SYNC_SERVICE);
        String gateway = config.serviceUrl(SuiteService.TERMINAL_GATEWAY);
        String admin = "Bearer " + PlatformConfig.LOCAL_ADMIN_TOKEN;
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String store = "OBS" + suffix;
        String item = "4901234567894";

        String hq = "Bearer " + json(send("POST", sync + "/v1/admin/clients", admin, "application/json",
                "{\"name\":\"hq-obs\",\"scopes\":[\"feed:read\",\"data:write\",\"trace:read\",\"recall:write\"]}"), 201)
                .path("token").asText();
        json(send("POST", sync + "/v1/stores", hq, "application/json", "[{\"storeCode\":\"" + store
                + "\",\"name\":\"観測店\",\"cutOffTime\":\"" + cutOffHalfAnHourAhead() + "\",\"contactEmail\":\"obs-"
                + suffix + "@example.jp\"}]"), 200);
        json(send("POST", sync + "/v1/products", hq, "application/json", "[{\"itemCode\":\"" + item
                + "\",\"name\":\"牛乳 1L\",\"unit\":\"CS\",\"orderable\":true,\"minQuantity\":1,\"maxQuantity\":50}]"), 200);

        Map<String, String> keys = new HashMap<>();
        for (String terminal : List.of("T-OBS-1-" + suffix, "T-OBS-2-" + suffix, "T-OBS-SILENT-" + suffix)) {
            String key = "obs-key-" + UUID.randomUUID();
            keys.put(terminal, key);
            json(send("PUT", gateway + "/v1/admin/terminals/" + terminal, admin, "application/json",
                    "{\"storeCode\":\"" + store + "\",\"source\":\"127.0.0.1\",\"key\":\"" + key + "\"}"), 201);
        }
        String t1 = "T-OBS-1-" + suffix;
        String t2 = "T-OBS-2-" + suffix;
        awaitTrue("store master at the gateway", () -> json(terminal("GET", gateway + "/v1/master/store?since=0", t1,
                keys.get(t1), null, null), 200).path("items").size() == 1);

        String delivery = LocalDate.now(TOKYO).plusDays(2).toString();
        String order = "{\"storeCode\":\"" + store + "\",\"sequence\":1,\"deliveryDate\":\"" + delivery + "\",\"lines\":"
                + "[{\"itemCode\":\"" + item + "\",\"quantity\":3,\"unit\":\"CS\"}]}";
        String receipt = json(terminal("POST", gateway + "/v1/orders", t1, keys.get(t1), "application/json", order), 202)
                .path("receiptId").asText();
        json(terminal("POST", gateway + "/v1/orders", t1, keys.get(t1), "application/json", order), 200);
        json(terminal("POST", gateway + "/v1/orders/csv", t2, keys.get(t2), "text/csv; charset=UTF-8",
                store + ",7," + delivery + "," + item + ",2,CS\n"), 200);
        terminal("GET", gateway + "/v1/master/store?since=0", t2, "not-the-key", null, null);
        json(terminal("POST", gateway + "/v1/heartbeat", t1, keys.get(t1), null, null), 200);

        JsonNode[] fed = new JsonNode[1];
        awaitTrue("order in HQ feed", () -> {
            for (JsonNode o : json(send("GET", sync + "/v1/feed/orders?after=0&limit=1000", hq, null, null), 200)
                    .path("orders")) {
                if (receipt.equals(o.path("receiptId").asText())) {
                    fed[0] = o;
                    return true;
                }
            }
            return false;
        });
        json(send("POST", sync + "/v1/feed/orders/ack", hq, "application/json",
                "{\"position\":\"" + fed[0].path("cursor").asText() + "\"}"), 200);
        String lot = "L-OBS-" + suffix;
        json(send("POST", sync + "/v1/lots", hq, "application/json", "[{\"lotNumber\":\"" + lot + "\",\"itemCode\":\""
                + item + "\",\"plant\":\"PLANT-01\",\"producedAt\":\"2030-01-01T00:00:00Z\",\"bestBefore\":\"2030-01-10\","
                + "\"quantity\":1000,\"inputs\":[]}]"), 200);
        json(send("POST", sync + "/v1/shipments", hq, "application/json", "[{\"shipmentId\":\"SH-OBS-" + suffix
                + "\",\"storeCode\":\"" + store + "\",\"shippedAt\":\"2030-01-02T00:00:00Z\",\"orderIds\":[\""
                + fed[0].path("orderId").asText() + "\"],\"lines\":[{\"itemCode\":\"" + item + "\",\"lotNumber\":\""
                + lot + "\",\"quantity\":3}]}]"), 200);

        String mail = config.serviceUrl(SuiteService.MAIL_SERVICE);
        String ops = "Bearer " + PlatformConfig.LOCAL_OPS_TOKEN;
        json(send("POST", mail + "/v1/mail/requests", ops, "application/json", """
                {"requestId":"obs-%s","recipient":"member-%s@example.jp","templateId":"account-notice","locale":"ja",
                 "category":"transactional","parameters":{"memberName":"山田","event":"password-changed",
                 "occurredAt":"2030-01-01T09:00:00+09:00"}}""".formatted(suffix, suffix)), 202);
        try (S3Client s3 = s3()) {
            s3.putObject(b -> b.bucket(PlatformConfig.INBOUND_MAIL_BUCKET).key("inbound/obs-arf-" + suffix),
                    RequestBody.fromString(Complaints.arf("someone-" + suffix + "@example.com", "obs")));
        }
        new TestEvents(config.kafkaBootstrap()).sendWithoutHeaders(Topics.TERMINAL_ORDERS, store, "{not an event");

        awaitTrue("order SHIPPED, dead letter, mail sent, returned mail read", () -> {
            String order1 = scrape(SuiteService.ORDER_SERVICE);
            String mails = scrape(SuiteService.MAIL_SERVICE);
            String bounces = scrape(SuiteService.BOUNCE_SERVICE);
            return order1.contains("outcome=\"shipped\"") && order1.contains("suite_dead_letters_total{")
                    && mails.contains("outcome=\"sent\"") && bounces.contains("suite_bounce_service_objects_processed_total{");
        });
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
    void aTerminalSilentBeforeItsStoresCutOffFiresTheAlert() throws Exception {
        awaitTrue("TerminalsSilentBeforeCutoff firing", () -> {
            for (JsonNode alert : json(get(platform.config().prometheusUrl() + "/api/v1/alerts"), 200)
                    .path("data").path("alerts")) {
                if ("TerminalsSilentBeforeCutoff".equals(alert.path("labels").path("alertname").asText())
                        && "firing".equals(alert.path("state").asText())) {
                    return true;
                }
            }
            return false;
        }, Duration.ofSeconds(120));
        JsonNode silent = result(query("suite_terminal_gateway_terminals_silent"));
        assertTrue(silent.path(0).path("value").path(1).asDouble() >= 1, silent.toString());
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

    /** HH:mm in Tokyo, half an hour from now (waits past midnight in the last minutes of a day). */
    private static String cutOffHalfAnHourAhead() throws InterruptedException {
        LocalDateTime now = LocalDateTime.now(TOKYO);
        if (now.toLocalTime().isAfter(LocalTime.of(23, 55))) {
            Thread.sleep(Duration.between(now, now.toLocalDate().plusDays(1).atStartOfDay().plusSeconds(5)).toMillis());
            now = LocalDateTime.now(TOKYO);
        }
        LocalDateTime cutOff = now.plusMinutes(30).truncatedTo(ChronoUnit.MINUTES);
        if (!cutOff.toLocalDate().equals(now.toLocalDate())) {
            cutOff = now.toLocalDate().atTime(23, 59);
        }
        return cutOff.format(DateTimeFormatter.ofPattern("HH:mm"));
    }

    private static String scrape(SuiteService service) throws Exception {
        return get(platform.config().managementUrl(service) + "/q/metrics").body();
    }

    private static HttpResponse<String> query(String expr) throws Exception {
        return get(platform.config().prometheusUrl() + "/api/v1/query?query="
                + URLEncoder.encode(expr, StandardCharsets.UTF_8));
    }

    private static JsonNode result(HttpResponse<String> response) throws Exception {
        JsonNode body = json(response, 200);
        assertTrue("success".equals(body.path("status").asText()), body.toString());
        return body.path("data").path("result");
    }

    private static S3Client s3() {
        return S3Client.builder()
                .endpointOverride(URI.create(platform.config().s3Endpoint()))
                .region(Region.US_WEST_2)
                .forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        PlatformConfig.S3_ACCESS_KEY, PlatformConfig.S3_SECRET_KEY)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    private interface Check {
        boolean holds() throws Exception;
    }

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

    private static HttpResponse<String> send(String method, String url, String authorization, String type, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (type != null) {
            request.header("Content-Type", type);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

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

    private static JsonNode json(HttpResponse<String> response, int... expected) throws Exception {
        for (int status : expected) {
            if (response.statusCode() == status) {
                return JSON.readTree(response.body().isEmpty() ? "{}" : response.body());
            }
        }
        throw new AssertionError(response.request().method() + " " + response.uri() + " answered "
                + response.statusCode() + ": " + response.body());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
