package jp.foodtrace.sync.trace.rest;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.foodtrace.sync.Genealogy;
import jp.foodtrace.sync.SyncApi;
import jp.foodtrace.testsupport.SuitePlatformResource;

/** The member trace page: same path, token and scope as the JSON trace, HTML in Japanese or English. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "sync-service"),
        @ResourceArg(name = "parts", value = "KAFKA") })
class TracePageTest {

    private Genealogy g;
    private String token;

    @BeforeEach
    void loadGenealogy() {
        g = new Genealogy().load();
        token = SyncApi.clientWith("trace:read");
    }

    private Response page(String query, String acceptLanguage) {
        var request = SyncApi.as(token).accept("text/html");
        if (acceptLanguage != null) {
            request = request.header("Accept-Language", acceptLanguage);
        }
        return request.queryParam("q", query).when().get("/v1/trace");
    }

    @Test
    void theFormAloneIsAJapanesePageForAPhone() {
        Response r = SyncApi.as(token).accept("text/html").when().get("/v1/trace");
        assertEquals(200, r.statusCode());
        assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        String html = r.asString();
        assertTrue(html.contains("<html lang=\"ja\">"), html);
        assertTrue(html.contains("製品トレース"), html);
        assertTrue(html.contains("name=\"viewport\" content=\"width=device-width, initial-scale=1\""), html);
        assertFalse(html.contains("<script"), "the page needs no script");
    }

    @Test
    void aLotShowsWhereItCameFromAndWhereItWent() {
        Response r = page(g.l3, null);
        assertEquals(200, r.statusCode());
        assertEquals("ja", r.header("Content-Language"));
        String html = r.asString();
        String cameFrom = section(html, "came-from");
        // L3 was made from L2 and L4; L2 from L1; L1 from the supplier lot S1.
        for (String input : new String[] { g.l2, g.l4, g.l1, g.s1 }) {
            assertTrue(cameFrom.contains(">" + input + "</a>"), input + " missing in " + cameFrom);
        }
        String wentTo = section(html, "went-to");
        assertTrue(wentTo.contains("届いた店舗: 2 店"), wentTo);
        assertTrue(wentTo.contains("店舗 " + g.storeA + "</strong>"), wentTo);
        assertTrue(wentTo.contains("店舗 " + g.storeC + "</strong>"), wentTo);
        assertFalse(wentTo.contains(g.storeB), "L5 (store B) is not made from L3: " + wentTo);
        // Japan time: SH1 left at 01:00Z, 10:00 in Japan.
        assertTrue(wentTo.contains("2026-12-01 10:00"), wentTo);
    }

    @Test
    void englishByParameterOrBrowserPreferenceJapaneseOtherwise() {
        String english = SyncApi.as(token).queryParam("q", g.l3).queryParam("lang", "en").when().get("/v1/trace")
                .then().statusCode(200).header("Content-Language", "en").extract().asString();
        assertTrue(english.contains("Input lots (where it came from)"), english);
        assertTrue(english.contains("Stores reached: 2"), english);
        assertTrue(page(g.l3, "en-US,en;q=0.9,ja;q=0.5").asString().contains("Product trace"));
        assertTrue(page(g.l3, "fr-FR,fr;q=0.9").asString().contains("製品トレース"));
        // The path form of a lot, as linked from a label.
        assertTrue(SyncApi.as(token).queryParam("lang", "en").when().get("/v1/trace/lots/" + g.l3).asString()
                .contains("Lot " + g.l3));
    }

    @Test
    void gs1ElementStringsAndDigitalLinksFindTheLotOfTheirProduct() {
        String gtin14 = "0" + g.item;
        assertTrue(page("(01)" + gtin14 + "(10)" + g.l3, null).asString().contains("ロット " + g.l3));
        assertTrue(page("https://id.gs1.org/01/" + gtin14 + "/10/" + g.l3, null).asString().contains("ロット " + g.l3));
        // A lot of another product is not shown under this product's GTIN (4901234567894 is another JAN).
        Response other = page("(01)04901234567894(10)" + g.l3, null);
        assertEquals(404, other.statusCode());
        assertTrue(other.asString().contains("GTIN 04901234567894"), other.asString());
        Response badCheckDigit = page("(01)04901234567895(10)" + g.l3, "en");
        assertEquals(400, badCheckDigit.statusCode());
        assertTrue(badCheckDigit.asString().contains("check digit is wrong"), badCheckDigit.asString());
    }

    @Test
    void markupInALotNumberIsShownAsTextNeverRun() {
        String attack = "\"><script>alert(1)</script><img src=x onerror=alert(2)>";
        Response r = page(attack, null);
        assertEquals(404, r.statusCode());
        String html = r.asString();
        assertFalse(html.contains("<script>alert(1)"), html);
        assertFalse(html.contains("<img src=x"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), html);
        assertTrue(html.contains("value=\"&quot;&gt;&lt;script&gt;"), "the form keeps the input, escaped: " + html);
        assertTrue(r.header("Content-Security-Policy").contains("default-src 'none'"));
    }

    @Test
    void thePageNeedsTheTraceTokenLikeTheJsonApi() {
        given().accept("text/html").when().get("/v1/trace").then().statusCode(401);
        SyncApi.as(SyncApi.clientWith("feed:read")).accept("text/html").when().get("/v1/trace").then().statusCode(403);
        // The JSON API is unchanged next to the page.
        SyncApi.as(token).when().get("/v1/trace/lots/" + g.l3 + "/back").then().statusCode(200)
                .contentType("application/json");
    }

    private static String section(String html, String id) {
        int start = html.indexOf("<section id=\"" + id + "\">");
        assertTrue(start >= 0, "no section " + id);
        return html.substring(start, html.indexOf("</section>", start));
    }
}
