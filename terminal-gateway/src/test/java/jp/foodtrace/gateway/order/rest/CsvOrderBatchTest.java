package jp.foodtrace.gateway.order.rest;

import static jp.foodtrace.gateway.GatewayFixture.BAD_JAN;
import static jp.foodtrace.gateway.GatewayFixture.JAN_8;
import static jp.foodtrace.gateway.GatewayFixture.JAN_A;
import static jp.foodtrace.gateway.GatewayFixture.JAN_B;
import static jp.foodtrace.gateway.GatewayFixture.fullWidth;
import static jp.foodtrace.gateway.GatewayFixture.orderEventOf;
import static jp.foodtrace.gateway.GatewayFixture.register;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.foodtrace.gateway.GatewayFixture.TestTerminal;
import jp.foodtrace.testsupport.SuitePlatformResource;
import jp.foodtrace.text.JapaneseText;

/** CSV batches of orders as handhelds and Excel write them: UTF-8 or Shift_JIS, read strictly. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "terminal-gateway"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class CsvOrderBatchTest {

    private static final String HEADER = "store_code,sequence,delivery_date,item_code,quantity,unit";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void shiftJisCsvBatchAcceptsGoodOrdersAndRejectsOnlyTheBadOne() throws Exception {
        TestTerminal t = register("127.0.0.1");
        String csv = String.join("\r\n",
                HEADER,
                t.storeCode() + ",100,20300115," + JAN_A + ",2,ケース",
                t.storeCode() + ",100,20300115," + JAN_B + ",1,個",
                t.storeCode() + ",101,20300115," + BAD_JAN + ",1,個",
                t.storeCode() + ",102,2030-01-15," + JAN_B + ",5,CS",
                t.storeCode() + ",oops,2030-01-15," + JAN_B + ",5,CS",
                "");
        byte[] body = csv.getBytes(Charset.forName("Shift_JIS"));
        String receipt = t.request().contentType("text/csv; charset=Shift_JIS").body(body)
                .when().post("/v1/orders/csv")
                .then().statusCode(200)
                .body("accepted", equalTo(2)).body("rejected", equalTo(1))
                .body("orders.find { it.sequence == 101 }.outcome", equalTo("REJECTED"))
                .body("orders.find { it.sequence == 101 }.errors[0].line", equalTo(4))
                .body("orders.find { it.sequence == 101 }.errors[0].code", equalTo("invalid-jan"))
                .body("errors[0].line", equalTo(6))
                .body("errors[0].code", equalTo("invalid-sequence"))
                .extract().path("orders.find { it.sequence == 100 }.receiptId");
        JsonNode payload = JSON.readTree(orderEventOf(receipt).value());
        assertEquals("ケース", payload.get("lines").get(0).get("unit").asText());
        assertEquals("個", payload.get("lines").get(1).get("unit").asText());
    }

    @Test
    void windows31JExtensionCharactersAreDecodedExactly() throws Exception {
        TestTerminal t = register("127.0.0.1");
        // 髙 (IBM extension) is a unit made of a letter; ㈱① (NEC extensions) are no date.
        String csv = String.join("\r\n",
                HEADER,
                t.storeCode() + ",200,20300115," + JAN_A + ",1,髙",
                t.storeCode() + ",201,㈱①," + JAN_A + ",1,CS",
                "");
        byte[] body = JapaneseText.encode(csv, JapaneseText.WINDOWS_31J);
        String receipt = t.request().contentType("text/csv; charset=Shift_JIS").body(body)
                .when().post("/v1/orders/csv")
                .then().statusCode(200)
                .body("accepted", equalTo(1)).body("rejected", equalTo(1))
                .body("orders.find { it.sequence == 201 }.errors[0].code", equalTo("invalid-date"))
                .body("orders.find { it.sequence == 201 }.errors[0].message", endsWith(": ㈱①"))
                .extract().path("orders.find { it.sequence == 200 }.receiptId");
        assertEquals("髙", JSON.readTree(orderEventOf(receipt).value()).get("lines").get(0).get("unit").asText());
    }

    @Test
    void malformedShiftJisBytesAreA400WithTheirLine() throws Exception {
        TestTerminal t = register("127.0.0.1");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write((HEADER + "\r\n" + t.storeCode() + ",300,20300115," + JAN_A + ",1,CS\r\n"
                + t.storeCode() + ",301,20300115," + JAN_A + ",1,").getBytes(StandardCharsets.US_ASCII));
        // A lead byte followed by a byte that can never trail it.
        body.write(new byte[] { (byte) 0x81, 0x20, '\r', '\n' });
        assertRefusedAsMalformed(t, "Shift_JIS", body.toByteArray(), 3, "invalid-encoding");
    }

    @Test
    void unterminatedQuoteIsA400WithItsLine() {
        TestTerminal t = register("127.0.0.1");
        String csv = String.join("\n",
                HEADER,
                t.storeCode() + ",400,20300115," + JAN_A + ",1,CS",
                t.storeCode() + ",401,20300115,\"" + JAN_A + ",1,CS",
                t.storeCode() + ",402,20300115," + JAN_A + ",1,CS",
                "");
        assertRefusedAsMalformed(t, "UTF-8", csv.getBytes(StandardCharsets.UTF_8), 3, "malformed-csv");
    }

    @Test
    void unsupportedCharsetIs415() {
        TestTerminal t = register("127.0.0.1");
        t.request().contentType("text/csv; charset=EUC-JP").body(HEADER.getBytes(StandardCharsets.US_ASCII))
                .when().post("/v1/orders/csv")
                .then().statusCode(415).contentType("application/problem+json")
                .body("code", equalTo("unsupported-charset"));
    }

    @Test
    void fullWidthCodesAndShortJansAreTakenAsAscii() throws Exception {
        TestTerminal t = register("127.0.0.1");
        String csv = String.join("\r\n",
                HEADER,
                fullWidth(t.storeCode()) + ",５００,２０３００１１５," + fullWidth(JAN_A) + ",１２,ＣＳ",
                fullWidth(t.storeCode()) + ",５００,２０３００１１５," + JAN_8 + ",3,CS",
                "");
        String receipt = t.request().contentType("text/csv; charset=Shift_JIS")
                .body(JapaneseText.encode(csv, JapaneseText.WINDOWS_31J))
                .when().post("/v1/orders/csv")
                .then().statusCode(200).body("accepted", equalTo(1))
                .extract().path("orders.find { it.sequence == 500 }.receiptId");
        JsonNode payload = JSON.readTree(orderEventOf(receipt).value());
        assertEquals(t.storeCode(), payload.get("storeCode").asText());
        assertEquals("2030-01-15", payload.get("deliveryDate").asText());
        JsonNode first = payload.get("lines").get(0);
        assertEquals(JAN_A, first.get("itemCode").asText());
        assertEquals(12, first.get("quantity").asInt());
        assertEquals("CS", first.get("unit").asText());
        assertEquals(JAN_8, payload.get("lines").get(1).get("itemCode").asText());
    }

    /** The whole batch is refused: 400 malformed-csv, naming the line and what is wrong with it. */
    private static void assertRefusedAsMalformed(TestTerminal t, String charset, byte[] body, int line,
            String detailCode) {
        t.request().contentType("text/csv; charset=" + charset).body(body)
                .when().post("/v1/orders/csv")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("malformed-csv"))
                .body("errors[0].line", equalTo(line))
                .body("errors[0].code", equalTo(detailCode));
    }
}
