package jp.foodtrace.sync.epcis.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.foodtrace.sync.SyncApi;
import jp.foodtrace.sync.epcis.service.EpcisSchema;
import jp.foodtrace.testsupport.SuitePlatformResource;

@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "sync-service"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class EpcisCaptureQueryTest {

    static final List<String> EXAMPLES = List.of("Example_9.6.1-ObjectEvent.jsonld", "Example_9.6.2-ObjectEvent.jsonld",
            "Example_9.6.3-AggregationEvent.jsonld", "Example_9.6.4-TransformationEvent.jsonld");

    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    EpcisSchema schema;

    private String capturer;
    private String reader;

    @BeforeEach
    void clients() {
        capturer = SyncApi.clientWith("epcis:capture");
        reader = SyncApi.clientWith("trace:read");
    }

    @Test
    void everyStandardExampleRoundTripsEqualModuloRecordTime() throws IOException {
        for (String example : EXAMPLES) {
            String text = resource("/epcis/examples/" + example);
            JsonNode sent = mapper.readTree(text);
            String location = capture(text, "application/ld+json").header("Location");
            assertTrue(location.contains("/epcis/capture/"), location);
            SyncApi.as(capturer).get(location).then().statusCode(200).body("success", equalTo(true))
                    .body("running", equalTo(false));
            for (JsonNode event : sent.path("epcisBody").path("eventList")) {
                JsonNode answer = query("EQ_eventID=" + enc(event.get("eventID").asText()));
                assertTrue(schema.validate(answer).isEmpty(), () -> "query document invalid: " + schema.validate(answer));
                JsonNode events = answer.path("epcisBody").path("queryResults").path("resultsBody").path("eventList");
                assertEquals(1, events.size(), example);
                ObjectNode back = (ObjectNode) events.get(0).deepCopy();
                assertNotNull(back.remove("recordTime"), "the repository adds recordTime");
                ObjectNode original = (ObjectNode) event.deepCopy();
                original.remove("recordTime");
                assertEquals(original, back, example);
                // The example's own namespace is declared again, so example:myField keeps its meaning.
                assertEquals("http://ns.example.com/epcis/", answer.path("@context").get(1).path("example").asText());
            }
        }
    }

    @Test
    void aSecondCaptureOfTheSameDocumentStoresNothing() throws IOException {
        EpcisDocuments d = new EpcisDocuments();
        String location = capture(d.fiveEvents(), "application/json").header("Location");
        SyncApi.as(capturer).get(location).then().body("storedCount", equalTo(5));
        String again = capture(d.fiveEvents(), "application/json").header("Location");
        SyncApi.as(capturer).get(again).then().body("storedCount", equalTo(0)).body("success", equalTo(true));
        assertEquals(5, ids(query("EQ_eventID=" + enc(String.join("|", allIds(d))))).size());
    }

    @Test
    void anEventWithoutIdIsStoredOnceUnderItsHash() throws IOException {
        EpcisDocuments d = new EpcisDocuments();
        String doc = """
                {"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                 "type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2026-12-01T00:00:00Z",
                 "epcisBody":{"eventList":[{"type":"ObjectEvent","eventTime":"2026-03-01T00:00:00Z",
                   "eventTimeZoneOffset":"+00:00","action":"OBSERVE","epcList":["%s"]}]}}""".formatted(d.epc(9));
        capture(doc, "application/json");
        // The same event written differently (offset, field order) has the same hash.
        String same = """
                {"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                 "type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2026-12-02T00:00:00Z",
                 "epcisBody":{"eventList":[{"epcList":["%s"],"action":"OBSERVE","type":"ObjectEvent",
                   "eventTime":"2026-03-01T09:00:00.000+09:00","eventTimeZoneOffset":"+00:00"}]}}""".formatted(d.epc(9));
        String location = capture(same, "application/json").header("Location");
        SyncApi.as(capturer).get(location).then().body("storedCount", equalTo(0));
        JsonNode answer = query("MATCH_epc=" + enc(d.epc(9)));
        assertEquals(1, events(answer).size());
    }

    @Test
    void schemaInvalidEventsAreRefusedWithTheirPointersAndNothingIsStored() throws IOException {
        EpcisDocuments d = new EpcisDocuments();
        String doc = """
                {"@context":["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld"],
                 "type":"EPCISDocument","schemaVersion":"2.0","creationDate":"2026-12-01T00:00:00Z",
                 "epcisBody":{"eventList":[
                  {"type":"ObjectEvent","eventID":"%1$s1","eventTime":"2026-03-01T00:00:00Z","eventTimeZoneOffset":"+00:00",
                   "action":"OBSERVE","epcList":["%2$s"]},
                  {"type":"ObjectEvent","eventID":"%1$s2","eventTime":"2026-03-01T00:00:00Z","eventTimeZoneOffset":"+00:00",
                   "action":"LOOK","epcList":["%2$s"]},
                  {"type":"AggregationEvent","eventID":"%1$s3","eventTime":"2026-03-01T00:00:00Z","eventTimeZoneOffset":"+00:00",
                   "childEPCs":["%2$s"]}]}}""".formatted(d.eventIdPrefix(), d.epc(1));
        Response refused = SyncApi.as(capturer).contentType("application/ld+json").body(doc).post("/epcis/capture");
        refused.then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("invalid-epcis-document"))
                .body("errors.pointer", hasItem(startsWith("/epcisBody/eventList/1/action")))
                .body("errors.pointer", hasItem(startsWith("/epcisBody/eventList/2")));
        List<String> pointers = refused.jsonPath().getList("errors.pointer");
        assertFalse(pointers.stream().anyMatch(p -> p.startsWith("/epcisBody/eventList/0")), pointers.toString());
        assertEquals(0, events(query("EQ_eventID=" + enc(d.eventId(1)))).size(), "rollback: nothing stored");

        // proceed: the valid event is stored, the others are listed in the job.
        String location = SyncApi.as(capturer).contentType("application/json").header("GS1-Capture-Error-Behaviour", "proceed")
                .body(doc).post("/epcis/capture").then().statusCode(202).extract().header("Location");
        SyncApi.as(capturer).get(location).then().body("success", equalTo(false)).body("storedCount", equalTo(1))
                .body("errors.pointer", hasItem(startsWith("/epcisBody/eventList/1/action")));
        assertEquals(1, events(query("EQ_eventID=" + enc(d.eventId(1)))).size());

        SyncApi.as(capturer).contentType("application/json").body("{\"type\":\"EPCISDocument\"}").post("/epcis/capture")
                .then().statusCode(400).body("errors.size()", org.hamcrest.Matchers.greaterThan(0));
        SyncApi.as(capturer).contentType("application/json").body("{not json").post("/epcis/capture")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void captureNeedsTheCaptureScopeAndQueryTheTraceScope() {
        EpcisDocuments d = new EpcisDocuments();
        SyncApi.as(reader).contentType("application/json").body(d.fiveEvents()).post("/epcis/capture").then()
                .statusCode(403).body("detail", equalTo("scope epcis:capture is required"));
        io.restassured.RestAssured.given().contentType("application/json").body(d.fiveEvents()).post("/epcis/capture")
                .then().statusCode(401);
        SyncApi.as(capturer).get("/epcis/events").then().statusCode(403);
    }

    @Test
    void eachQueryParameterSelectsTheEventsItNames() throws IOException {
        EpcisDocuments d = new EpcisDocuments();
        capture(d.fiveEvents(), "application/json");
        String scope = "EQ_eventID=" + enc(String.join("|", allIds(d))) + "&";
        String r = d.r;
        assertSelects(d, scope + "eventType=AggregationEvent|AssociationEvent", 2, 5);
        assertSelects(d, scope + "GE_eventTime=" + enc("2026-01-03T09:00:00+09:00"), 3, 4, 5);
        // Event 3 is at 2026-01-03T00:00Z exactly: LT leaves it out.
        assertSelects(d, scope + "LT_eventTime=" + enc("2026-01-03T00:00:00Z"), 1, 2);
        assertSelects(d, scope + "LT_eventTime=" + enc("2026-01-03T00:00:00.001Z"), 1, 2, 3);
        assertSelects(d, scope + "GE_recordTime=" + enc("2000-01-01T00:00:00Z"), 1, 2, 3, 4, 5);
        assertSelects(d, scope + "LT_recordTime=" + enc("2000-01-01T00:00:00Z"));
        assertSelects(d, scope + "EQ_action=ADD", 1, 2, 5);
        assertSelects(d, scope + "EQ_bizStep=shipping|" + enc("urn:epcglobal:cbv:bizstep:packing"), 2, 4);
        assertSelects(d, scope + "EQ_bizStep=" + enc("https://ref.gs1.org/cbv/BizStep-receiving"), 1);
        assertSelects(d, scope + "EQ_disposition=in_transit", 4);
        assertSelects(d, scope + "EQ_readPoint=" + enc("urn:epc:id:sgln:4512345.00001." + r), 1, 5);
        assertSelects(d, scope + "EQ_bizLocation=" + enc("urn:epc:id:sgln:4512345.00002." + r), 1);
        assertSelects(d, "MATCH_epc=" + enc(d.epc(1) + "|" + d.epc(2)), 1, 2);
        assertSelects(d, "MATCH_anyEPC=" + enc("urn:epc:id:sscc:4512345." + r + "000|" + d.epc(4)), 2, 3);
        assertSelects(d, "MATCH_parentID=" + enc("urn:epc:id:grai:4512345.00006." + r), 5);
        assertSelects(d, "MATCH_inputEPC=" + enc(d.epc(3)), 3);
        assertSelects(d, "MATCH_outputEPC=" + enc(d.epc(4)), 3);
        assertSelects(d, "MATCH_epcClass=" + enc(d.lgtin("LA" + r)), 1);
        assertSelects(d, "MATCH_inputEPCClass=" + enc(d.lgtin("LI" + r)), 3);
        assertSelects(d, "MATCH_outputEPCClass=" + enc(d.lgtin("LO" + r)), 3);
        assertSelects(d, "MATCH_anyEPCClass=" + enc(d.lgtin("LO" + r) + "|" + d.lgtin("LA" + r)), 1, 3);
        // An EPC pattern matches the serials of its class (epcList and childEPCs).
        assertSelects(d, scope + "MATCH_epc=" + enc("urn:epc:idpat:sgtin:4512345." + r.charAt(0) + "67890.*"), 1, 2, 4, 5);
        assertSelects(d, scope + "EQ_bizTransaction_po=" + enc("urn:epcglobal:cbv:bt:4512345000016:PO" + r), 1);
        assertSelects(d, scope + "EQ_bizTransaction_inv=" + enc("urn:epcglobal:cbv:bt:4512345000016:INV" + r), 4);
        assertSelects(d, scope + "EQ_source_owning_party=" + enc("urn:epc:id:pgln:4512345.00003." + r), 1, 4);
        assertSelects(d, scope + "EQ_destination_location=" + enc("urn:epc:id:sgln:4512345.00004." + r), 1);
        assertSelects(d, scope + "EQ_destination_owning_party=" + enc("urn:epc:id:pgln:4512345.00005." + r), 4);

        // Order and limits.
        assertEquals(List.of(d.eventId(5), d.eventId(4), d.eventId(3)),
                ids(query(scope + "orderBy=eventTime&eventCountLimit=3")));
        assertEquals(List.of(d.eventId(1), d.eventId(2)),
                ids(query(scope + "orderBy=eventTime&orderDirection=ASC&eventCountLimit=2")));
        SyncApi.as(reader).urlEncodingEnabled(false).get("/epcis/events?" + scope + "maxEventCount=2").then().statusCode(413)
                .body("code", equalTo("query-too-large-exception"));
        assertEquals(5, ids(query(scope + "maxEventCount=5")).size());
    }

    @Test
    void pagesFollowTheNextPageTokenToTheEnd() throws IOException {
        EpcisDocuments d = new EpcisDocuments();
        capture(d.fiveEvents(), "application/json");
        String first = "/epcis/events?EQ_eventID=" + enc(String.join("|", allIds(d)))
                + "&orderBy=eventTime&orderDirection=ASC&perPage=2";
        List<String> seen = new ArrayList<>();
        String next = first;
        int pages = 0;
        while (next != null) {
            Response page = SyncApi.as(reader).urlEncodingEnabled(false).get(next);
            page.then().statusCode(200);
            if (pages == 0) {
                assertNotNull(page.header("Link"), page.headers().toString());
            }
            seen.addAll(ids(mapper.readTree(page.asString())));
            String link = page.header("Link");
            next = link == null ? null : link.substring(1, link.indexOf('>'));
            pages++;
        }
        assertEquals(3, pages);
        assertEquals(allIds(d), seen);
    }

    @Test
    void unknownOrMalformedParametersAreQueryParameterExceptions() {
        for (String bad : List.of("EQ_colour=red", "GE_eventTime=yesterday", "orderBy=colour", "orderDirection=UP",
                "eventCountLimit=3", "perPage=0", "nextPageToken=%25%25", "EQ_action=LOOK")) {
            SyncApi.as(reader).urlEncodingEnabled(false).get("/epcis/events?" + bad.replace("|", "%7C")).then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("query-parameter-exception"));
        }
    }

    @Test
    void singleEventsTypesAndEpcResources() throws IOException {
        EpcisDocuments d = new EpcisDocuments();
        capture(d.fiveEvents(), "application/json");
        JsonNode one = mapper.readTree(SyncApi.as(reader).urlEncodingEnabled(false)
                .get("/epcis/events/" + enc(d.eventId(1))).then().statusCode(200).extract().asString());
        assertEquals(d.eventId(1), one.get("eventID").asText());
        assertEquals(d.ns, one.get("@context").get(1).get("ex").asText());
        // A term defined with an object keeps its definition.
        assertEquals(d.ns + "link", one.get("@context").get(1).path("exLink").path("@id").asText());
        assertEquals("chilled", one.path("ex:temperatureZone").path("ex:zone").asText());
        SyncApi.as(reader).urlEncodingEnabled(false).get("/epcis/events/" + enc(d.eventId(1) + "x")).then().statusCode(404);
        SyncApi.as(reader).get("/epcis/eventTypes").then().statusCode(200)
                .body("member", equalTo(List.of("ObjectEvent", "AggregationEvent", "TransactionEvent",
                        "TransformationEvent", "AssociationEvent")));
        SyncApi.as(reader).get("/epcis/bizSteps").then().statusCode(200).body("member", hasItem("assembling"));
        JsonNode byEpc = mapper.readTree(SyncApi.as(reader).urlEncodingEnabled(false)
                .get("/epcis/epcs/" + enc(d.epc(3)) + "/events").then().statusCode(200).extract().asString());
        assertEquals(List.of(d.eventId(3)), ids(byEpc));
        JsonNode byType = mapper.readTree(SyncApi.as(reader).urlEncodingEnabled(false)
                .get("/epcis/eventTypes/AssociationEvent/events?EQ_eventID=" + enc(String.join("|", allIds(d))))
                .then().statusCode(200).extract().asString());
        assertEquals(List.of(d.eventId(5)), ids(byType));
    }

    @Test
    void anErrorDeclarationReplacesTheDeclaredEvent() throws IOException {
        EpcisDocuments d = new EpcisDocuments();
        capture(d.fiveEvents(), "application/json");
        ObjectNode doc = (ObjectNode) mapper.readTree(d.fiveEvents());
        ObjectNode declared = (ObjectNode) doc.path("epcisBody").path("eventList").get(0);
        declared.putObject("errorDeclaration").put("declarationTime", "2026-01-10T00:00:00Z")
                .put("reason", "incorrect_data").putArray("correctiveEventIDs").add(d.eventId(4));
        ObjectNode single = doc.deepCopy();
        ((com.fasterxml.jackson.databind.node.ArrayNode) single.path("epcisBody").path("eventList")).removeAll().add(declared);
        capture(mapper.writeValueAsString(single), "application/json");
        JsonNode answer = query("EQ_eventID=" + enc(d.eventId(1)));
        assertEquals("incorrect_data", events(answer).get(0).path("errorDeclaration").path("reason").asText());
        assertEquals(List.of(d.eventId(1)),
                ids(query("EQ_eventID=" + enc(String.join("|", allIds(d))) + "&EXISTS_errorDeclaration=true")));
    }

    private void assertSelects(EpcisDocuments d, String query, int... expected) throws IOException {
        Set<String> want = new TreeSet<>();
        for (int n : expected) {
            want.add(d.eventId(n));
        }
        assertEquals(want, new TreeSet<>(ids(query(query))), query);
    }

    private static List<String> allIds(EpcisDocuments d) {
        return List.of(d.eventId(1), d.eventId(2), d.eventId(3), d.eventId(4), d.eventId(5));
    }

    private Response capture(String body, String type) {
        Response r = SyncApi.as(capturer).contentType(type).body(body).post("/epcis/capture");
        r.then().statusCode(202).header("GS1-EPCIS-Version", "2.0.0");
        return r;
    }

    private JsonNode query(String query) throws IOException {
        String body = SyncApi.as(reader).urlEncodingEnabled(false).get("/epcis/events?" + query.replace("|", "%7C")).then().statusCode(200)
                .extract().asString();
        return mapper.readTree(body);
    }

    private static JsonNode events(JsonNode answer) {
        return answer.path("epcisBody").path("queryResults").path("resultsBody").path("eventList");
    }

    private static List<String> ids(JsonNode answer) {
        List<String> ids = new ArrayList<>();
        events(answer).forEach(e -> ids.add(e.path("eventID").asText(null)));
        return ids;
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = EpcisCaptureQueryTest.class.getResourceAsStream(path)) {
            assertNotNull(in, path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
