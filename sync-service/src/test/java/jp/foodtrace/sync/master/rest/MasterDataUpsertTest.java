package jp.foodtrace.sync.master.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.sync.SyncApi;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.testsupport.TestEvents;
import jp.foodtrace.text.JapaneseText;

@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "sync-service"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class MasterDataUpsertTest {

    @Test
    void sameProductBatchTwiceIsUnchangedAndChangedOneIsUpdatedWithAHigherVersion() {
        String token = SyncApi.clientWith("data:write");
        String batch = """
                [{"itemCode":"4901234567894","name":"おにぎり 鮭","unit":"個","orderable":true,"minQuantity":1,"maxQuantity":50},
                 {"itemCode":"4901234567887","name":"緑茶 500ml","unit":"ケース","orderable":true,"minQuantity":1,"maxQuantity":10}]""";
        SyncApi.as(token).contentType(ContentType.JSON).body(batch).when().post("/v1/products").then().statusCode(200);
        SyncApi.as(token).contentType(ContentType.JSON).body(batch).when().post("/v1/products").then().statusCode(200)
                .body("unchanged", equalTo(2)).body("created", equalTo(0)).body("updated", equalTo(0))
                .body("results.outcome", equalTo(List.of("unchanged", "unchanged")));

        String changed = batch.replace("\"maxQuantity\":50", "\"maxQuantity\":60");
        SyncApi.as(token).contentType(ContentType.JSON).body(changed).when().post("/v1/products").then().statusCode(200)
                .body("results.outcome", equalTo(List.of("updated", "unchanged")));

        List<ConsumerRecord<String, String>> records = SyncApi.readUntil(Topics.MASTER_PRODUCTS,
                rs -> rs.stream().anyMatch(r -> r.value().contains("\"maxQuantity\":60")));
        List<ConsumerRecord<String, String>> onigiri = records.stream().filter(r -> r.key().equals("4901234567894")).toList();
        assertTrue(onigiri.size() >= 2, "created and updated events expected: " + onigiri.size());
        ConsumerRecord<String, String> last = onigiri.get(onigiri.size() - 1);
        assertTrue(last.value().contains("\"maxQuantity\":60"), last.value());
        assertEquals("ProductMaster", TestEvents.header(last, "event-type"));
        assertTrue(version(last.value()) > version(onigiri.get(onigiri.size() - 2).value()));
    }

    /**
     * HQ's first upload of every store: each of its events is confirmed by Kafka before the answer,
     * in passes whose sends are all awaited inside the pass's transaction. A confirmation that
     * brought the transaction onto the producer's thread made Narayana refuse the commit and the
     * upload answer 503 publish-pending now and then; three uploads of 2,000 stores must all be 200.
     */
    @Test
    void aWholeFleetOfStoresInOneUploadIsConfirmedBeforeTheAnswer() {
        String token = SyncApi.clientWith("data:write");
        for (int upload = 0; upload < 3; upload++) {
            String prefix = "F" + UUID.randomUUID().toString().substring(0, 6) + "-";
            String stores = IntStream.range(0, 2000)
                    .mapToObj(i -> "{\"storeCode\":\"" + prefix + i + "\",\"name\":\"店舗" + i
                            + "\",\"cutOffTime\":\"10:00\"}")
                    .collect(Collectors.joining(",", "[", "]"));
            SyncApi.as(token).contentType(ContentType.JSON).body(stores).when().post("/v1/stores")
                    .then().statusCode(200).body("created", equalTo(2000));
        }
    }

    @Test
    void badRecordIsRejectedAloneWithItsIndexAndReason() {
        String token = SyncApi.clientWith("data:write");
        String code = "S-" + UUID.randomUUID().toString().substring(0, 8);
        SyncApi.as(token).contentType(ContentType.JSON).body("""
                [{"storeCode":"%s","name":"新宿店","cutOffTime":"10:30","contactEmail":"shinjuku@example.jp"},
                 {"storeCode":"%s-2","name":"渋谷店","cutOffTime":"25:99"},
                 "not a record",
                 {"storeCode":"%s-3","cutOffTime":"10:00"}]""".formatted(code, code, code))
                .when().post("/v1/stores").then().statusCode(200)
                .body("created", equalTo(1)).body("rejected", equalTo(3))
                .body("results[0].outcome", equalTo("created"))
                .body("results[1].index", equalTo(1)).body("results[1].reason", equalTo("cutOffTime must be HH:mm"))
                .body("results[2].index", equalTo(2)).body("results[2].outcome", equalTo("rejected"))
                .body("results[3].reason", equalTo("name is required"));
    }

    @Test
    void shiftJisCsvProductsAreReadWithLineNumbers() {
        String token = SyncApi.clientWith("data:write");
        String csv = "item_code,name,unit,orderable,min_quantity,max_quantity\r\n"
                + "4512345678906,\"弁当, 幕の内\",個,true,1,20\r\n"
                + "4512345678900,弁当 のり,個,true,1,20\r\n";
        SyncApi.as(token).contentType("text/csv; charset=Shift_JIS").body(csv.getBytes(Charset.forName("Shift_JIS")))
                .when().post("/v1/products").then().statusCode(200)
                .body("results[0].line", equalTo(2)).body("results[0].outcome", equalTo("created"))
                .body("results[1].line", equalTo(3)).body("results[1].outcome", equalTo("rejected"));
        List<ConsumerRecord<String, String>> records = SyncApi.readUntil(Topics.MASTER_PRODUCTS,
                rs -> rs.stream().anyMatch(r -> r.key().equals("4512345678906")));
        assertTrue(records.stream().anyMatch(r -> r.key().equals("4512345678906") && r.value().contains("弁当, 幕の内")));
    }

    @Test
    void windows31jNamesOfAShiftJisUploadArriveAsWrittenInTheEvents() {
        String token = SyncApi.clientWith("data:write");
        String store = "W31J-" + UUID.randomUUID().toString().substring(0, 8);
        String stores = "store_code,name,cut_off_time,contact_email\r\n" + store + ",㈱髙島屋①号店,10:30,\r\n";
        SyncApi.as(token).contentType("text/csv; charset=Shift_JIS")
                .body(JapaneseText.encode(stores, JapaneseText.WINDOWS_31J))
                .when().post("/v1/stores").then().statusCode(200).body("results[0].outcome", equalTo("created"));
        String item = SyncApi.jan(twelveRandomDigits());
        String products = "item_code,name,unit,orderable,min_quantity,max_quantity\r\n"
                + item + ",\"㈱髙島屋①号店 幕の内\",個,true,1,20\r\n";
        SyncApi.as(token).contentType("text/csv; charset=Shift_JIS")
                .body(JapaneseText.encode(products, JapaneseText.WINDOWS_31J))
                .when().post("/v1/products").then().statusCode(200).body("results[0].outcome", equalTo("created"));

        ConsumerRecord<String, String> storeEvent = firstWithKey(Topics.MASTER_STORES, store);
        assertTrue(storeEvent.value().contains("\"name\":\"㈱髙島屋①号店\""), storeEvent.value());
        ConsumerRecord<String, String> productEvent = firstWithKey(Topics.MASTER_PRODUCTS, item);
        assertTrue(productEvent.value().contains("\"name\":\"㈱髙島屋①号店 幕の内\""), productEvent.value());
    }

    @Test
    void fullWidthJanQuantitiesAndUnitOfACsvUploadAreReadAsAscii() {
        String item = SyncApi.jan(twelveRandomDigits());
        String csv = "item_code,name,unit,orderable,min_quantity,max_quantity\r\n"
                + fullWidth(item) + ",ﾍﾞﾝﾄｳ ①,ＣＳ,ｔｒｕｅ,１,５０\r\n";
        SyncApi.as(SyncApi.clientWith("data:write")).contentType("text/csv; charset=Shift_JIS")
                .body(JapaneseText.encode(csv, JapaneseText.WINDOWS_31J))
                .when().post("/v1/products").then().statusCode(200)
                .body("results[0].outcome", equalTo("created")).body("results[0].key", equalTo(item));
        ConsumerRecord<String, String> event = firstWithKey(Topics.MASTER_PRODUCTS, item);
        assertTrue(event.value().contains("\"itemCode\":\"" + item + "\",\"name\":\"ﾍﾞﾝﾄｳ ①\",\"unit\":\"CS\""),
                event.value());
        assertTrue(event.value().contains("\"minQuantity\":1,\"maxQuantity\":50"), event.value());
    }

    @Test
    void malformedShiftJisBytesRefuseTheUploadWith400AndTheirLine() {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(JapaneseText.encode("store_code,name,cut_off_time,contact_email\r\nS-OK,新宿店,10:30,\r\nS-BAD,",
                JapaneseText.WINDOWS_31J));
        // A lead byte without its trail byte: the JDK's decoder would have read it as U+FFFD.
        body.writeBytes(new byte[] { (byte) 0x82, ',', '1', '0', ':', '3', '0', ',', '\r', '\n' });
        SyncApi.as(SyncApi.clientWith("data:write")).contentType("text/csv; charset=Shift_JIS").body(body.toByteArray())
                .when().post("/v1/stores").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed-csv"))
                .body("errors[0].line", equalTo(3))
                .body("errors[0].code", equalTo("invalid-encoding"));
    }

    @Test
    void unterminatedQuoteRefusesTheUploadWith400AndItsLine() {
        String csv = "item_code,name,unit,orderable,min_quantity,max_quantity\r\n"
                + "4512345678906,弁当,個,true,1,20\r\n"
                + "4901234567894,\"おにぎり,個,true,1,20\r\n";
        SyncApi.as(SyncApi.clientWith("data:write")).contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .when().post("/v1/products").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("malformed-csv"))
                .body("errors[0].line", equalTo(3))
                .body("errors[0].code", equalTo("malformed-csv"));
    }

    private static ConsumerRecord<String, String> firstWithKey(String topic, String key) {
        return SyncApi.readUntil(topic, rs -> rs.stream().anyMatch(r -> key.equals(r.key()))).stream()
                .filter(r -> key.equals(r.key())).findFirst().orElseThrow();
    }

    private static String twelveRandomDigits() {
        return String.format("49%010d", Math.floorMod(UUID.randomUUID().getLeastSignificantBits(), 10_000_000_000L));
    }

    private static String fullWidth(String digits) {
        return digits.chars().mapToObj(c -> Character.toString(c - '0' + '０')).collect(Collectors.joining());
    }

    private static long version(String json) {
        return Long.parseLong(json.replaceAll(".*\"version\":(\\d+).*", "$1"));
    }
}
