package jp.foodtrace.sync.epcis.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jp.foodtrace.sync.Genealogy;
import jp.foodtrace.sync.SyncApi;
import jp.foodtrace.sync.epcis.service.EpcisSchema;
import jp.foodtrace.testsupport.SuitePlatformResource;

/**
 * The suite's own shipments and lots as EPCIS events, captured supplier events in the trace and
 * the recall, and the recall spreadsheet. The supplier made lot S1 (which HQ uses for L1) from
 * its lots S0a and S0b, and shipped S1 to HQ; both arrive over EPCIS.
 */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "sync-service"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class EpcisTraceTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    EpcisSchema schema;

    private Genealogy g;
    private String reader;
    private String s0a;
    private String s0b;
    private String supplierGtinClassPrefix;

    @BeforeEach
    void load() {
        g = new Genealogy().load();
        reader = SyncApi.clientWith("trace:read");
        s0a = g.p + "S0a";
        s0b = g.p + "S0b";
        supplierGtinClassPrefix = "urn:epc:class:lgtin:4512345.067890.";
    }

    @Test
    void shipmentsAndLotsAreEpcisEventsOfTheSameQueryApi() throws IOException {
        String lgtinL4 = "https://id.gs1.org/01/0" + g.item + "/10/" + g.l4;
        JsonNode answer = query("EQ_eventID=" + enc("https://id.foodtrace.jp/event/shipment/" + g.p + "SH3"));
        assertTrue(schema.validate(answer).isEmpty(), () -> schema.validate(answer).toString());
        JsonNode sh3 = events(answer).get(0);
        assertEquals("ObjectEvent", sh3.path("type").asText());
        assertEquals("shipping", sh3.path("bizStep").asText());
        assertEquals("2026-12-02T01:00:00.000+09:00", sh3.path("eventTime").asText());
        assertEquals(lgtinL4, sh3.path("quantityList").get(0).path("epcClass").asText());
        assertEquals(5, sh3.path("quantityList").get(0).path("quantity").asInt());
        assertEquals("https://id.foodtrace.jp/hq", sh3.path("sourceList").get(0).path("source").asText());
        assertEquals("https://id.foodtrace.jp/store/" + g.storeC, sh3.path("destinationList").get(0).path("destination").asText());
        assertEquals("po", sh3.path("bizTransactionList").get(0).path("type").asText());
        assertEquals("https://id.foodtrace.jp/order/" + g.order3, sh3.path("bizTransactionList").get(0).path("bizTransaction").asText());

        JsonNode l3 = events(query("EQ_eventID=" + enc("https://id.foodtrace.jp/event/lot/" + g.l3))).get(0);
        assertEquals("TransformationEvent", l3.path("type").asText());
        List<String> inputs = new ArrayList<>();
        l3.path("inputQuantityList").forEach(q -> inputs.add(q.path("epcClass").asText()));
        assertEquals(List.of("https://id.gs1.org/01/0" + g.item + "/10/" + g.l2, "https://id.gs1.org/01/0" + g.item + "/10/" + g.l4), inputs);
        assertEquals("https://id.gs1.org/01/0" + g.item + "/10/" + g.l3,
                l3.path("outputQuantityList").get(0).path("epcClass").asText());
        assertEquals("2026-12-04", l3.path("ilmd").path("cbvmda:bestBeforeDate").asText());
        // L1 was made from the supplier lot S1, whose item HQ does not know: the suite's lot URI.
        JsonNode l1 = events(query("EQ_eventID=" + enc("https://id.foodtrace.jp/event/lot/" + g.l1))).get(0);
        assertEquals("https://id.foodtrace.jp/lot/" + g.s1, l1.path("inputQuantityList").get(0).path("epcClass").asText());

        // The same filters as for captured events.
        assertEquals(List.of("https://id.foodtrace.jp/event/shipment/" + g.p + "SH3"), ids(query("MATCH_epcClass=" + enc(lgtinL4))));
        assertEquals(List.of("https://id.foodtrace.jp/event/lot/" + g.l3, "https://id.foodtrace.jp/event/lot/" + g.l4),
                ids(query("MATCH_inputEPCClass=" + enc(lgtinL4) + "|" + enc("https://id.gs1.org/01/0" + g.item + "/10/" + g.l3)
                        + "&orderBy=eventTime&orderDirection=ASC")).stream().sorted().toList());
        assertEquals(List.of("https://id.foodtrace.jp/event/shipment/" + g.p + "SH1", "https://id.foodtrace.jp/event/shipment/" + g.p + "SH4"),
                ids(query("EQ_destination_owning_party=" + enc("https://id.foodtrace.jp/store/" + g.storeA)
                        + "&orderBy=eventTime&orderDirection=ASC")));
        assertEquals(List.of("https://id.foodtrace.jp/event/shipment/" + g.p + "SH3"),
                ids(query("EQ_bizTransaction_po=" + enc("https://id.foodtrace.jp/order/" + g.order3))));
    }

    @Test
    void capturedSupplierEventsExtendTheTraceBothWaysAndTheRecallReachesTheStores() throws IOException {
        captureSupplierEvents();
        JsonPath back = trace("/v1/trace/lots/" + g.l3 + "/back");
        assertEquals(Map.of(g.l3, 0, g.l2, 1, g.l4, 1, g.l1, 2, g.s1, 3, s0a, 4, s0b, 4), depths(back));
        assertEquals(List.of("urn:x-test:" + g.p + "EV-T"), back.getList("transformations.findAll { it.eventId != null }.eventId"));
        assertEquals("4512345678906",
                back.getString("lots.find { it.lotNumber == '" + g.s1 + "' }.itemCode"));
        assertEquals(List.of("urn:x-test:" + g.p + "EV-SHIP"), back.getList("movements.eventId"));
        assertEquals(List.of("urn:epc:id:sgln:4512345.00000.0"), back.getList("movements[0].sources"));

        JsonPath forward = trace("/v1/trace/lots/" + s0a + "/forward");
        assertEquals(List.of(g.storeA, g.storeB, g.storeC), forward.getList("stores"));
        assertEquals(List.of(g.order3), forward.getList("orders"));

        String recaller = SyncApi.clientWith("recall:write");
        SyncApi.as(recaller).contentType(ContentType.JSON)
                .body(Map.of("recallId", g.p + "R-SUP", "lotNumber", s0a, "reason", "サプライヤー原料の回収")).when()
                .post("/v1/recalls").then().statusCode(201)
                .body("notices.storeCode", equalTo(List.of(g.storeA, g.storeB, g.storeC)))
                .body("notices.status", equalTo(List.of("REQUESTED", "REQUESTED", "NO_CONTACT")));

        // Declared in error, the supplier transformation leaves the trace.
        String capturer = SyncApi.clientWith("epcis:capture");
        JsonNode doc = mapper.readTree(supplierDocument());
        com.fasterxml.jackson.databind.node.ObjectNode t = (com.fasterxml.jackson.databind.node.ObjectNode) doc
                .path("epcisBody").path("eventList").get(0);
        t.putObject("errorDeclaration").put("declarationTime", "2026-12-01T00:00:00Z").put("reason", "incorrect_data");
        ((com.fasterxml.jackson.databind.node.ArrayNode) doc.path("epcisBody").path("eventList")).remove(1);
        SyncApi.as(capturer).contentType("application/ld+json").body(mapper.writeValueAsString(doc))
                .post("/epcis/capture").then().statusCode(202);
        assertEquals(Map.of(g.l3, 0, g.l2, 1, g.l4, 1, g.l1, 2, g.s1, 3), depths(trace("/v1/trace/lots/" + g.l3 + "/back")));
    }

    @Test
    void theRecallSpreadsheetListsEachCriticalTrackingEventSortedByTime() throws IOException {
        captureSupplierEvents();
        byte[] xlsx = SyncApi.as(reader).get("/v1/trace/lots/" + g.s1 + "/report?format=xlsx").then().statusCode(200)
                .contentType(equalTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")).extract()
                .asByteArray();
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter f = new DataFormatter();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int c = 0; c < 16; c++) {
                    cells.add(row.getCell(c) == null ? "" : f.formatCellValue(row.getCell(c)));
                }
                rows.add(cells);
            }
        }
        assertEquals(List.of("event_time", "critical_tracking_event", "traceability_lot_code", "gtin",
                "product_description", "quantity", "unit_of_measure", "location_description", "location_id",
                "reference_document_type", "reference_document_number", "immediate_previous_source",
                "immediate_subsequent_recipient", "input_traceability_lot_codes", "data_source", "epcis_event_id"),
                rows.get(0));
        List<List<String>> data = rows.subList(1, rows.size());
        List<String> times = data.stream().map(r -> r.get(0)).toList();
        assertEquals(times.stream().sorted(java.util.Comparator.comparing(
                s -> java.time.OffsetDateTime.parse(s).toInstant())).toList(), times);
        // Supplier: its transformation and its shipment to HQ; HQ: L1..L5 made, SH1..SH3 shipped (not SH4).
        List<String> ctes = data.stream().map(r -> r.get(1) + " " + r.get(2)).toList();
        assertEquals(List.of("transformation " + g.s1, "shipping " + g.s1, "transformation " + g.l1,
                "transformation " + g.l2, "transformation " + g.l3, "transformation " + g.l4, "transformation " + g.l5,
                "shipping " + g.l3, "shipping " + g.l5, "shipping " + g.l4), ctes);
        List<String> sh3 = data.get(9);
        assertEquals("0" + g.item, sh3.get(3));
        assertEquals("食パン", sh3.get(4));
        assertEquals("5", sh3.get(5));
        assertEquals("個", sh3.get(6));
        assertEquals(g.p + "SH3; " + g.order3, sh3.get(10));
        assertEquals("船橋工場", sh3.get(11));
        assertEquals(g.storeC + " C店", sh3.get(12));
        assertEquals("2026-12-02T01:00:00+09:00", sh3.get(0));
        List<String> supplierShipping = data.get(1);
        assertEquals("urn:epc:id:sgln:4512345.00000.0", supplierShipping.get(11));
        assertEquals("https://id.foodtrace.jp/hq", supplierShipping.get(12));
        assertEquals("urn:x-test:" + g.p + "EV-SHIP", supplierShipping.get(15));
        assertEquals(s0a + " (30); " + s0b + " (20)", data.get(0).get(13));

        byte[] utf8 = SyncApi.as(reader).accept("text/csv").get("/v1/trace/lots/" + g.s1 + "/report").then().statusCode(200)
                .contentType("text/csv; charset=UTF-8").extract().asByteArray();
        assertArrayEquals(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF }, Arrays.copyOf(utf8, 3));
        String csv = new String(utf8, 3, utf8.length - 3, StandardCharsets.UTF_8);
        assertEquals(11, csv.lines().count());
        assertTrue(csv.contains(g.storeC + " C店"), csv);
        byte[] sjis = SyncApi.as(reader).accept("text/csv").header("Accept-Charset", "Shift_JIS")
                .get("/v1/trace/lots/" + g.s1 + "/report").then().statusCode(200)
                .contentType("text/csv; charset=Shift_JIS").extract().asByteArray();
        assertEquals(csv, new String(sjis, Charset.forName("windows-31j")));
        SyncApi.as(reader).get("/v1/trace/lots/" + g.s1 + "/report?charset=Shift_JIS").then().statusCode(200)
                .contentType("text/csv; charset=Shift_JIS");
        SyncApi.as(reader).get("/v1/trace/lots/" + g.s1 + "/report?charset=EUC-JP").then().statusCode(406);
        SyncApi.as(reader).get("/v1/trace/lots/" + g.p + "nothing/report").then().statusCode(404);
    }

    private void captureSupplierEvents() {
        String capturer = SyncApi.clientWith("epcis:capture");
        SyncApi.as(capturer).contentType("application/ld+json").body(supplierDocument()).post("/epcis/capture").then()
                .statusCode(202);
    }

    /** The supplier (GS1 company prefix 4512345) made S1 from S0a and S0b, and shipped S1 to HQ. */
    private String supplierDocument() {
        return """
                {"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                 "type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2026-11-29T00:00:00Z",
                 "epcisBody":{"eventList":[
                  {"type":"TransformationEvent","eventID":"urn:x-test:%1$sEV-T","eventTime":"2026-11-28T10:00:00+09:00",
                   "eventTimeZoneOffset":"+09:00","bizStep":"commissioning",
                   "inputQuantityList":[{"epcClass":"%2$s%3$s","quantity":30,"uom":"KGM"},
                                        {"epcClass":"%2$s%4$s","quantity":20,"uom":"KGM"}],
                   "outputQuantityList":[{"epcClass":"%2$s%5$s","quantity":50,"uom":"KGM"}],
                   "bizLocation":{"id":"urn:epc:id:sgln:4512345.00000.0"}},
                  {"type":"ObjectEvent","eventID":"urn:x-test:%1$sEV-SHIP","eventTime":"2026-11-29T10:00:00+09:00",
                   "eventTimeZoneOffset":"+09:00","action":"OBSERVE","bizStep":"shipping","disposition":"in_transit",
                   "epcList":[],"quantityList":[{"epcClass":"%2$s%5$s","quantity":50,"uom":"KGM"}],
                   "bizLocation":{"id":"urn:epc:id:sgln:4512345.00000.0"},
                   "bizTransactionList":[{"type":"desadv","bizTransaction":"urn:epcglobal:cbv:bt:4512345000009:DA-%5$s"}],
                   "sourceList":[{"type":"owning_party","source":"urn:epc:id:sgln:4512345.00000.0"}],
                   "destinationList":[{"type":"owning_party","destination":"https://id.foodtrace.jp/hq"}]}
                 ]}}""".formatted(g.p, supplierGtinClassPrefix, s0a, s0b, g.s1);
    }

    private JsonPath trace(String path) {
        return SyncApi.as(reader).get(path).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Integer> depths(JsonPath trace) {
        Map<String, Integer> depths = new java.util.HashMap<>();
        List<Map<String, Object>> lots = trace.getList("lots");
        lots.forEach(l -> depths.put((String) l.get("lotNumber"), (Integer) l.get("depth")));
        return depths;
    }

    private JsonNode query(String query) throws IOException {
        return mapper.readTree(SyncApi.as(reader).urlEncodingEnabled(false).get("/epcis/events?" + query.replace("|", "%7C"))
                .then().statusCode(200).extract().asString());
    }

    private static JsonNode events(JsonNode answer) {
        return answer.path("epcisBody").path("queryResults").path("resultsBody").path("eventList");
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        events(answer).forEach(e -> ids.add(e.path("eventID").asText()));
        return ids;
    }

    private static String enc(String s) {
        return EpcisCaptureQueryTest.enc(s);
    }
}
