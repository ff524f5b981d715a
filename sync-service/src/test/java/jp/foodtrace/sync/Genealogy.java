package jp.foodtrace.sync;

import static org.hamcrest.Matchers.equalTo;

import java.util.UUID;

import io.restassured.http.ContentType;

/**
 * A small multi-level genealogy for trace and recall tests, loaded through the API. Lot names get
 * a random prefix so that tests sharing the database do not see each other's data.
 *
 * <pre>
 * supplier lot S1 -> L1 (flour) -> L2 (dough) -> L3 (bread) <-> L4 (re-worked bread: a cycle)
 *                                            \-> L5 (rolls)
 * SH1: L3 -> store A      SH2: L5 -> store B      SH3: L4 -> store C (order O3)
 * SH4: an unrelated lot LX -> store A
 * </pre>
 * Stores A and B have a contact address, store C has none.
 */
public final class Genealogy {

    public final String p = "G" + UUID.randomUUID().toString().substring(0, 6) + "-";
    public final String s1 = p + "S1";
    public final String l1 = p + "L1";
    public final String l2 = p + "L2";
    public final String l3 = p + "L3";
    public final String l4 = p + "L4";
    public final String l5 = p + "L5";
    public final String lx = p + "LX";
    public final String storeA = p + "A";
    public final String storeB = p + "B";
    public final String storeC = p + "C";
    public final String order3 = p + "O3";
    public final String item = SyncApi.jan("490000000001");
    public final String mailA = "a-" + p.toLowerCase() + "store@example.jp";
    public final String mailB = "b-" + p.toLowerCase() + "store@example.jp";

    public Genealogy load() {
        String token = SyncApi.clientWith("data:write");
        post(token, "/v1/products", """
                [{"itemCode":"%s","name":"食パン","unit":"個","orderable":true,"minQuantity":1,"maxQuantity":99}]"""
                .formatted(item));
        post(token, "/v1/stores", """
                [{"storeCode":"%s","name":"A店","cutOffTime":"10:00","contactEmail":"%s"},
                 {"storeCode":"%s","name":"B店","cutOffTime":"10:00","contactEmail":"%s"},
                 {"storeCode":"%s","name":"C店","cutOffTime":"10:00"}]""".formatted(storeA, mailA, storeB, mailB, storeC));
        post(token, "/v1/lots", """
                [%s, %s, %s, %s, %s, %s]""".formatted(
                lot(l1, "[{\"lotNumber\":\"" + s1 + "\",\"quantity\":100}]"),
                lot(l2, "[{\"lotNumber\":\"" + l1 + "\",\"quantity\":50}]"),
                lot(l3, "[{\"lotNumber\":\"" + l2 + "\",\"quantity\":20},{\"lotNumber\":\"" + l4 + "\",\"quantity\":1}]"),
                lot(l4, "[{\"lotNumber\":\"" + l3 + "\",\"quantity\":2}]"),
                lot(l5, "[{\"lotNumber\":\"" + l2 + "\",\"quantity\":10}]"),
                lot(lx, "[]")));
        post(token, "/v1/shipments", """
                [%s, %s, %s, %s]""".formatted(
                shipment(p + "SH1", storeA, "2026-12-01T01:00:00Z", "[]", l3),
                shipment(p + "SH2", storeB, "2026-12-01T02:00:00Z", "[]", l5),
                shipment(p + "SH3", storeC, "2026-12-01T16:00:00Z", "[\"" + order3 + "\"]", l4),
                shipment(p + "SH4", storeA, "2026-12-01T03:00:00Z", "[]", lx)));
        return this;
    }

    private String lot(String number, String inputs) {
        return """
                {"lotNumber":"%s","itemCode":"%s","plant":"船橋工場","producedAt":"2026-11-30T20:00:00Z",
                 "bestBefore":"2026-12-04","quantity":100,"inputs":%s}""".formatted(number, item, inputs);
    }

    private String shipment(String id, String store, String at, String orders, String lot) {
        return """
                {"shipmentId":"%s","storeCode":"%s","shippedAt":"%s","orderIds":%s,
                 "lines":[{"itemCode":"%s","lotNumber":"%s","quantity":5}]}""".formatted(id, store, at, orders, item, lot);
    }

    private static void post(String token, String path, String body) {
        SyncApi.as(token).contentType(ContentType.JSON).body(body).when().post(path).then().statusCode(200)
                .body("rejected", equalTo(0));
    }
}
