package jp.foodtrace.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import jp.foodtrace.messaging.Topics;
import jp.foodtrace.messaging.Tracing;
import jp.foodtrace.platform.Component;
import jp.foodtrace.platform.Platform;
import jp.foodtrace.platform.PlatformConfig;
import jp.foodtrace.platform.SuiteService;
import jp.foodtrace.testsupport.TestEvents;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Bucket;
import software.amazon.awssdk.services.ses.SesClient;

/**
 * The packaged suite on the same launcher as {@code ./suite up}, on free ports: every part and
 * service comes up, each service consumes every topic the architecture says it consumes, the
 * S3 server and the SES endpoint answer, one order's trace id runs from the terminal's request
 * through both topics into HQ's feed and the three services' JSON logs, a forged complaint dropped
 * into the inbound bucket silences nobody, a second start starts nothing, and stop leaves nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SuiteSmokeIT {

    /** The consumers column of the architecture's topic table. */
    private static final Map<SuiteService, List<String>> CONSUMES = Map.of(
            SuiteService.TERMINAL_GATEWAY, List.of(Topics.ORDERS_STATUS, Topics.MASTER_PRODUCTS, Topics.MASTER_STORES),
            SuiteService.ORDER_SERVICE, List.of(Topics.TERMINAL_ORDERS, Topics.MASTER_PRODUCTS, Topics.MASTER_STORES,
                    Topics.SHIPMENTS),
            SuiteService.SYNC_SERVICE, List.of(Topics.ORDERS_ACCEPTED, Topics.MAIL_EVENTS),
            SuiteService.MAIL_SERVICE, List.of(Topics.MAIL_REQUESTS, Topics.MAIL_BOUNCES),
            SuiteService.BOUNCE_SERVICE, List.of(Topics.MAIL_EVENTS));

    /** A valid event for a topic: what a producer of the suite would send. */
    private record Sample(String key, String type, String payload) {
    }

    private static final Map<String, Sample> SAMPLES = Map.of(
            Topics.MASTER_PRODUCTS, new Sample("4901234567894", "ProductMaster", "{\"itemCode\":\"4901234567894\","
                    + "\"name\":\"牛乳 1L\",\"unit\":\"CS\",\"orderable\":true,\"minQuantity\":1,\"maxQuantity\":50,\"version\":1}"),
            Topics.MASTER_STORES, new Sample("S001", "StoreMaster", "{\"storeCode\":\"S001\",\"name\":\"渋谷店\","
                    + "\"cutOffTime\":\"10:00\",\"contactEmail\":\"shibuya@example.jp\",\"version\":1}"),
            Topics.ORDERS_STATUS, new Sample("S001", "OrderStatusChanged", "{\"receiptId\":\"" + UUID.randomUUID()
                    + "\",\"storeCode\":\"S001\",\"status\":\"ACCEPTED\",\"at\":\"2030-01-01T00:00:00Z\"}"),
            Topics.TERMINAL_ORDERS, new Sample("S001", "TerminalOrderSubmitted", "{\"receiptId\":\"" + UUID.randomUUID()
                    + "\",\"terminalId\":\"T-SMOKE\",\"storeCode\":\"S001\",\"sequence\":1,\"deliveryDate\":\"2030-01-02\","
                    + "\"receivedAt\":\"2030-01-01T00:00:00Z\",\"lines\":[{\"lineNo\":1,\"itemCode\":\"4901234567894\","
                    + "\"quantity\":1,\"unit\":\"CS\"}]}"),
            Topics.SHIPMENTS, new Sample("S001", "ShipmentRecorded", "{\"shipmentId\":\"SH-SMOKE\",\"storeCode\":\"S001\","
                    + "\"shippedAt\":\"2030-01-02T00:00:00Z\",\"orderIds\":[],\"lines\":[{\"itemCode\":\"4901234567894\","
                    + "\"lotNumber\":\"L-SMOKE\",\"quantity\":1}]}"),
            Topics.ORDERS_ACCEPTED, new Sample("S001", "OrderAccepted", "{\"orderId\":\"" + UUID.randomUUID()
                    + "\",\"receiptId\":\"" + UUID.randomUUID() + "\",\"terminalId\":\"T-SMOKE\",\"storeCode\":\"S001\","
                    + "\"sequence\":99,\"deliveryDate\":\"2030-01-02\",\"acceptedAt\":\"2030-01-01T00:00:00Z\","
                    + "\"lines\":[{\"lineNo\":1,\"itemCode\":\"4901234567894\",\"quantity\":1,\"unit\":\"CS\"}]}"),
            Topics.MAIL_REQUESTS, new Sample("member@example.jp", "MailRequested", "{\"requestId\":\"smoke-"
                    + UUID.randomUUID() + "\",\"recipient\":\"member@example.jp\",\"templateId\":\"account-notice\","
                    + "\"locale\":\"ja\",\"category\":\"transactional\",\"parameters\":{\"memberName\":\"山田\","
                    + "\"event\":\"password-changed\",\"occurredAt\":\"2030-01-01T09:00:00+09:00\"}}"),
            Topics.MAIL_BOUNCES, new Sample("gone@example.jp", "BounceRecorded", "{\"bounceId\":\"" + UUID.randomUUID()
                    + "\",\"recipient\":\"gone@example.jp\",\"reason\":\"userunknown\",\"hardBounce\":true,"
                    + "\"deliveryStatus\":\"5.1.1\",\"at\":\"2030-01-01T00:00:00Z\"}"),
            Topics.MAIL_EVENTS, new Sample("member@example.jp", "MailOutcome", "{\"requestId\":\"smoke\","
                    + "\"recipient\":\"member@example.jp\",\"outcome\":\"SENT\",\"category\":\"transactional\","
                    + "\"sesMessageId\":\"ses-smoke\",\"at\":\"2030-01-01T00:00:00Z\"}"));

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static Platform platform;
    /** The order of the flow test: its terminal, store, receipt and feed entry, for the trace test. */
    private static String flowTerminal;
    private static String flowStore;
    private static String flowReceipt;
    private static JsonNode flowFeedOrder;

    @BeforeAll
    static void startSuite() {
        PlatformConfig config = PlatformConfig.isolated(PlatformConfig.findRoot(),
                Path.of("target/platform").toAbsolutePath(), "suite_test_e2e");
        platform = new Platform(config);
        platform.upInfrastructure(EnumSet.allOf(Platform.Part.class), true, line -> System.out.println("[e2e] " + line));
        platform.upServices(List.of(SuiteService.values()), line -> System.out.println("[e2e] " + line));
        platform.upConsole(line -> System.out.println("[e2e] " + line));
    }

    @AfterAll
    static void stopSuite() {
        if (platform != null) {
            platform.stop();
        }
    }

    @Test
    @Order(1)
    void everyServiceIsReady() throws Exception {
        for (SuiteService service : SuiteService.values()) {
            HttpResponse<String> ready = get(platform.config().managementUrl(service) + "/q/health/ready");
            assertEquals(200, ready.statusCode(), service.module() + ": " + ready.body());
            assertTrue(ready.body().contains("\"status\": \"UP\""), ready.body());
        }
        HttpResponse<String> console = get(platform.config().consoleManagementUrl() + "/q/health/ready");
        assertEquals(200, console.statusCode(), "ops-console: " + console.body());
    }

    @Test
    @Order(2)
    void eachServiceConsumesEveryTopicItSubscribesTo() throws Exception {
        TestEvents events = new TestEvents(platform.config().kafkaBootstrap());
        for (String topic : SAMPLES.keySet()) {
            Sample sample = SAMPLES.get(topic);
            events.send(topic, sample.key(), sample.type(), sample.payload());
        }
        Map<SuiteService, List<String>> missing = new HashMap<>(CONSUMES);
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!missing.isEmpty() && System.nanoTime() < deadline) {
            for (SuiteService service : new ArrayList<>(missing.keySet())) {
                String metrics = get(platform.config().managementUrl(service) + "/q/metrics").body();
                List<String> notYet = missing.get(service).stream()
                        .filter(topic -> !metrics.contains("suite_" + service.schema()
                                + "_events_consumed_total{outcome=\"processed\",service=\"" + service.module() + "\",topic=\""
                                + topic + "\"}"))
                        .toList();
                if (notYet.isEmpty()) {
                    missing.remove(service);
                } else {
                    missing.put(service, notYet);
                }
            }
            Thread.sleep(500);
        }
        assertTrue(missing.isEmpty(), "not consumed: " + missing);
    }

    /**
     * The whole loop across services: HQ uploads master data (sync-service), a terminal orders
     * (terminal-gateway), order-service accepts, HQ reads the feed, ships a lot made from input
     * lots, the terminal sees SHIPPED, the lot traces forward to the store, and a recall of the
     * input lot mails the store's contact through mail-service and the SES endpoint.
     */
    @Test
    @Order(3)
    void orderFlowsFromTerminalToHqAndBackAsShippedAndRecallMailsTheStore() throws Exception {
        PlatformConfig config = platform.config();
        String sync = config.serviceUrl(SuiteService.SYNC_SERVICE);
        String gateway = config.serviceUrl(SuiteService.TERMINAL_GATEWAY);
        String admin = "Bearer " + PlatformConfig.LOCAL_ADMIN_TOKEN;
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String store = "E2E" + suffix;
        String item = "4901234567894";
        String contact = "store-" + suffix + "@example.jp";

        JsonNode client = json(send("POST", sync + "/v1/admin/clients", admin,
                "{\"name\":\"hq-e2e\",\"scopes\":[\"feed:read\",\"data:write\",\"trace:read\",\"recall:write\"]}"), 201);
        String hq = "Bearer " + client.path("token").asText();
        json(send("POST", sync + "/v1/stores", hq, "[{\"storeCode\":\"" + store + "\",\"name\":\"横浜店\","
                + "\"cutOffTime\":\"10:00\",\"contactEmail\":\"" + contact + "\"}]"), 200);
        json(send("POST", sync + "/v1/products", hq, "[{\"itemCode\":\"" + item + "\",\"name\":\"牛乳 1L\","
                + "\"unit\":\"CS\",\"orderable\":true,\"minQuantity\":1,\"maxQuantity\":50}]"), 200);

        String terminal = "T-E2E-" + suffix;
        String key = "e2e-key-" + UUID.randomUUID();
        json(send("PUT", gateway + "/v1/admin/terminals/" + terminal, admin,
                "{\"storeCode\":\"" + store + "\",\"source\":\"127.0.0.1\",\"key\":\"" + key + "\"}"), 201);
        String terminalAuth = "Bearer " + key;
        awaitTrue("store master at the gateway", () -> json(terminalCall("GET", gateway + "/v1/master/store?since=0",
                terminal, terminalAuth, null), 200).path("items").size() == 1);
        Thread.sleep(1000);

        String delivery = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).plusDays(2).toString();
        String receipt = json(terminalCall("POST", gateway + "/v1/orders", terminal, terminalAuth,
                "{\"storeCode\":\"" + store + "\",\"sequence\":1,\"deliveryDate\":\"" + delivery + "\",\"lines\":"
                        + "[{\"itemCode\":\"" + item + "\",\"quantity\":3,\"unit\":\"CS\"}]}"), 202)
                .path("receiptId").asText();
        awaitTrue("order ACCEPTED", () -> "ACCEPTED".equals(json(terminalCall("GET", gateway + "/v1/orders/" + receipt,
                terminal, terminalAuth, null), 200).path("status").asText()));

        JsonNode[] fed = new JsonNode[1];
        awaitTrue("order in HQ feed", () -> {
            for (JsonNode order : json(send("GET", sync + "/v1/feed/orders?after=0&limit=1000", hq, null), 200)
                    .path("orders")) {
                if (receipt.equals(order.path("receiptId").asText())) {
                    fed[0] = order;
                    return true;
                }
            }
            return false;
        });
        flowTerminal = terminal;
        flowStore = store;
        flowReceipt = receipt;
        flowFeedOrder = fed[0];
        String orderId = fed[0].path("orderId").asText();
        String lot = "L-E2E-" + suffix;
        String input = "ING-E2E-" + suffix;
        json(send("POST", sync + "/v1/lots", hq, "[{\"lotNumber\":\"" + lot + "\",\"itemCode\":\"" + item
                + "\",\"plant\":\"PLANT-01\",\"producedAt\":\"2030-01-01T00:00:00Z\",\"bestBefore\":\"2030-01-10\","
                + "\"quantity\":1000,\"inputs\":[{\"lotNumber\":\"" + input + "\",\"quantity\":10}]}]"), 200);
        json(send("POST", sync + "/v1/shipments", hq, "[{\"shipmentId\":\"SH-E2E-" + suffix + "\",\"storeCode\":\""
                + store + "\",\"shippedAt\":\"2030-01-02T00:00:00Z\",\"orderIds\":[\"" + orderId + "\"],"
                + "\"lines\":[{\"itemCode\":\"" + item + "\",\"lotNumber\":\"" + lot + "\",\"quantity\":3}]}]"), 200);
        json(send("POST", sync + "/v1/feed/orders/ack", hq, "{\"position\":\"" + fed[0].path("cursor").asText() + "\"}"), 200);

        awaitTrue("order SHIPPED at the terminal", () -> "SHIPPED".equals(json(terminalCall("GET",
                gateway + "/v1/orders/" + receipt, terminal, terminalAuth, null), 200).path("status").asText()));
        JsonNode forward = json(send("GET", sync + "/v1/trace/lots/" + input + "/forward", hq, null), 200);
        assertTrue(forward.path("stores").toString().contains(store), forward.toString());

        String recallId = json(send("POST", sync + "/v1/recalls", hq, "{\"lotNumber\":\"" + input
                + "\",\"reason\":\"異物混入の疑い\"}"), 201).path("recallId").asText();
        awaitTrue("recall notice at the SES endpoint", () -> get(config.sesEndpoint() + "/store").body().contains(contact));
        // mail-service's outcome (mail.events.v1) reaches sync-service: the store's notice shows SENT.
        awaitTrue("recall notice SENT at sync-service", () -> "SENT".equals(json(send("GET",
                sync + "/v1/recalls/" + recallId, hq, null), 200).path("notices").path(0).path("delivery").asText()));
    }

    /**
     * The order of the flow test, followed by its trace id: the gateway starts the trace with the
     * terminal's request and writes it into the {@code terminal.orders.v1} record; order-service
     * continues it (a span of its own) into {@code orders.accepted.v1}; sync-service shows it to HQ
     * in the feed; and each of the three services logged a JSON line about that order with that trace id.
     */
    @Test
    @Order(4)
    void oneOrdersTraceIdRunsThroughTheRecordsTheFeedAndTheLogsOfTheThreeServices() throws Exception {
        assertNotNull(flowFeedOrder, "the flow test's order reached the feed");
        TestEvents events = new TestEvents(platform.config().kafkaBootstrap());
        ConsumerRecord<String, String> submitted = events.awaitKey(Topics.TERMINAL_ORDERS, flowStore,
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no terminal.orders.v1 record"));
        assertTrue(submitted.value().contains(flowReceipt), submitted.value());
        String fromGateway = TestEvents.header(submitted, "traceparent");
        String traceId = Tracing.traceId(fromGateway)
                .orElseThrow(() -> new AssertionError("terminal.orders.v1 traceparent: " + fromGateway));

        ConsumerRecord<String, String> accepted = events.awaitKey(Topics.ORDERS_ACCEPTED, flowStore,
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError("no orders.accepted.v1 record"));
        String fromOrderService = TestEvents.header(accepted, "traceparent");
        assertEquals(Optional.of(traceId), Tracing.traceId(fromOrderService), fromOrderService);
        String inFeed = flowFeedOrder.path("traceparent").asText();
        assertEquals(Optional.of(traceId), Tracing.traceId(inFeed), flowFeedOrder.toString());
        // Each hop is a span of its own in the one trace.
        assertEquals(3, Set.of(spanId(fromGateway), spanId(fromOrderService), spanId(inFeed)).size(),
                List.of(fromGateway, fromOrderService, inFeed).toString());

        for (SuiteService service : List.of(SuiteService.TERMINAL_GATEWAY, SuiteService.ORDER_SERVICE,
                SuiteService.SYNC_SERVICE)) {
            Path log = platform.config().logs().resolve(service.module() + ".log");
            awaitTrue(service.module() + " logs the order with trace id " + traceId,
                    () -> !orderLines(log, traceId).isEmpty());
        }
    }

    /** The JSON log lines of a service's log that carry the trace id and name the flow test's terminal. */
    private static List<JsonNode> orderLines(Path log, String traceId) throws Exception {
        List<JsonNode> found = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            if (!line.startsWith("{")) {
                continue;
            }
            JsonNode entry = JSON.readTree(line);
            if (traceId.equals(entry.path("mdc").path("traceId").asText())
                    && entry.path("message").asText().contains(flowTerminal)) {
                found.add(entry);
            }
        }
        return found;
    }

    private static String spanId(String traceparent) {
        return Tracing.parse(traceparent).orElseThrow().getSpanId();
    }

    @Test
    @Order(5)
    void s3ServerListsTheInboundMailBucket() {
        try (S3Client s3 = LocalS3.client(platform.config())) {
            List<String> buckets = s3.listBuckets().buckets().stream().map(Bucket::name).toList();
            assertTrue(buckets.contains(PlatformConfig.INBOUND_MAIL_BUCKET), buckets.toString());
        }
    }

    @Test
    @Order(6)
    void aForgedComplaintDroppedIntoTheInboundBucketLeavesTheAddressDeliverable() throws Exception {
        // Anyone can mail the inbound domain: an ARF abuse report about an address we never mailed.
        String victim = "forged-arf-" + UUID.randomUUID() + "@example.com";
        String arf = Complaints.arf(victim, "forged");
        try (S3Client s3 = LocalS3.client(platform.config())) {
            s3.putObject(b -> b.bucket(PlatformConfig.INBOUND_MAIL_BUCKET).key("inbound/forged-arf-" + UUID.randomUUID()),
                    RequestBody.fromString(arf));
        }
        String mail = platform.config().serviceUrl(SuiteService.MAIL_SERVICE);
        String ops = "Bearer " + PlatformConfig.LOCAL_OPS_TOKEN;
        // bounce-service read it as a complaint; mail-service recorded it as matching no mail of ours.
        awaitTrue("the forged complaint recorded as unmatched", () -> json(send("GET",
                mail + "/v1/mail/bounces?match=unmatched", ops, null), 200).findValuesAsText("recipient").contains(victim));

        String requestId = "after-forged-arf-" + UUID.randomUUID();
        json(send("POST", mail + "/v1/mail/requests", ops, """
                {"requestId":"%s","recipient":"%s","templateId":"account-notice","locale":"ja","category":"transactional",
                 "parameters":{"memberName":"山田","event":"password-changed","occurredAt":"2030-01-01T09:00:00+09:00"}}"""
                .formatted(requestId, victim)), 202);
        awaitTrue("transactional mail to the complained-of address SENT", () -> "SENT".equals(json(send("GET",
                mail + "/v1/mail/requests/" + requestId, ops, null), 200).path("status").asText()));
    }

    @Test
    @Order(7)
    void sesEndpointListsWhatItWasSent() throws Exception {
        PlatformConfig config = platform.config();
        try (SesClient ses = SesClient.builder()
                .endpointOverride(URI.create(config.sesEndpoint()))
                .region(Region.AP_NORTHEAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            String messageId = ses.sendEmail(b -> b.source("noreply@example.jp")
                    .destination(d -> d.toAddresses("member@example.jp"))
                    .message(m -> m.subject(s -> s.data("スモークテスト").charset("UTF-8"))
                            .body(body -> body.text(t -> t.data("smoke").charset("UTF-8")))))
                    .messageId();
            String store = get(config.sesEndpoint() + "/store").body();
            assertTrue(store.contains(messageId), store);
        }
    }

    @Test
    @Order(8)
    void secondStartStartsNothingAndStopLeavesNothingRunning() {
        Map<String, Long> before = pids();
        platform.upInfrastructure(EnumSet.allOf(Platform.Part.class), false, line -> { });
        platform.upServices(List.of(SuiteService.values()), line -> { });
        platform.upConsole(line -> { });
        assertEquals(before, pids());

        List<String> stopped = platform.stop();
        assertEquals(before.keySet().size(), stopped.size(), stopped.toString());
        for (Component component : platform.components()) {
            assertTrue(component.running().isEmpty(), component.name() + " still runs");
        }
        for (long pid : before.values()) {
            assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true), "pid " + pid + " still alive");
        }
    }


    private static Map<String, Long> pids() {
        Map<String, Long> pids = new HashMap<>();
        for (Component component : platform.components()) {
            pids.put(component.name(), component.running().orElseThrow(
                    () -> new AssertionError(component.name() + " is not running")).pid());
        }
        return pids;
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private interface Check {
        boolean holds() throws Exception;
    }

    private static void awaitTrue(String what, Check check) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            if (check.holds()) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    private static HttpResponse<String> send(String method, String url, String authorization, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> terminalCall(String method, String url, String terminal, String authorization,
            String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", authorization).header("X-Terminal-Id", terminal)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, java.nio.charset.StandardCharsets.UTF_8));
        if (body != null) {
            request.header("Content-Type", "application/json");
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
