package jp.foodtrace.sync.master.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.sync.SyncApi;
import jp.foodtrace.testsupport.TestEvents;
import jp.foodtrace.testsupport.SuitePlatformResource;

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

    private static long version(String json) {
        return Long.parseLong(json.replaceAll(".*\"version\":(\\d+).*", "$1"));
    }
}
