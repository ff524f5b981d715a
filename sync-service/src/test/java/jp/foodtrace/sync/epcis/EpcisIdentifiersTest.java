package jp.foodtrace.sync.epcis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jp.foodtrace.sync.epcis.Cbv.Vocabulary;

/** Lot classes, CBV values and the event hash: pure parts of the EPCIS mapping. */
class EpcisIdentifiersTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void lgtinUrnDigitalLinkAndSuiteLotUriGiveTheLotAndItsJan() {
        assertEquals(Optional.of(new LotClass("L-1", "4512345678906")),
                LotClass.parse("urn:epc:class:lgtin:4512345.067890.L-1"));
        assertEquals(Optional.of(new LotClass("A/B", "4901234567894")),
                LotClass.parse("https://id.gs1.org/01/04901234567894/10/A%2FB"));
        assertEquals(Optional.of(new LotClass("S 1", null)), LotClass.parse("https://id.foodtrace.jp/lot/S%201"));
        assertEquals(Optional.empty(), LotClass.parse("urn:epc:idpat:sgtin:4012345.066666.*"));
        assertEquals(Optional.empty(), LotClass.parse("urn:epc:id:sgtin:4012345.011122.25"));
    }

    @Test
    void cbvValuesCompareAsBareWordsInEveryForm() {
        assertEquals("shipping", Cbv.bare(Vocabulary.BIZ_STEP, "urn:epcglobal:cbv:bizstep:shipping"));
        assertEquals("shipping", Cbv.bare(Vocabulary.BIZ_STEP, "https://ref.gs1.org/cbv/BizStep-shipping"));
        assertEquals("in_transit", Cbv.bare(Vocabulary.DISPOSITION, "in_transit"));
        assertEquals("https://example.jp/steps/x", Cbv.bare(Vocabulary.BIZ_STEP, "https://example.jp/steps/x"));
        assertEquals("https://ref.gs1.org/cbv/BizStep-receiving", Vocabulary.BIZ_STEP.webUri("receiving"));
    }

    @Test
    void theHashIgnoresFieldOrderTimeZoneWritingListOrderAndRecordTimeButNotContent() throws Exception {
        JsonNode a = mapper.readTree("""
                {"type":"ObjectEvent","eventTime":"2026-03-01T09:00:00+09:00","eventTimeZoneOffset":"+09:00",
                 "action":"OBSERVE","bizStep":"shipping","epcList":["urn:epc:id:sgtin:1.2.3","urn:epc:id:sgtin:1.2.4"],
                 "ex:f":{"ex:g":1.50}}""");
        JsonNode b = mapper.readTree("""
                {"ex:f":{"ex:g":1.5},"recordTime":"2026-03-02T00:00:00Z","epcList":["urn:epc:id:sgtin:1.2.4","urn:epc:id:sgtin:1.2.3"],
                 "bizStep":"urn:epcglobal:cbv:bizstep:shipping","action":"OBSERVE","eventTimeZoneOffset":"+09:00",
                 "eventTime":"2026-03-01T00:00:00.000Z","type":"ObjectEvent"}""");
        Map<String, String> ns = Map.of("ex", "https://ns.example.jp/");
        String hash = EventHash.of(a, ns);
        assertTrue(hash.matches("ni:///sha-256;[0-9a-f]{64}\\?ver=CBV2\\.0"), hash);
        assertEquals(hash, EventHash.of(b, ns));
        // The same extension in another namespace is another event.
        assertNotEquals(hash, EventHash.of(b, Map.of("ex", "https://other.example.jp/")));
        JsonNode c = mapper.readTree(a.toString().replace("OBSERVE", "ADD"));
        assertNotEquals(hash, EventHash.of(c, ns));
        assertTrue(EventHash.preHash(a, ns).startsWith("eventType=ObjectEventeventTime=2026-03-01T00:00:00.000Z"),
                EventHash.preHash(a, ns));
        assertTrue(EventHash.preHash(a, ns).contains("bizStep=https://ref.gs1.org/cbv/BizStep-shipping"));
        assertTrue(EventHash.preHash(a, ns).endsWith("{https://ns.example.jp/}f={https://ns.example.jp/}g=1.5"),
                EventHash.preHash(a, ns));
    }
}
