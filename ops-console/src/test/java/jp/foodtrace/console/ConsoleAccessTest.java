package jp.foodtrace.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The console alone, with nothing at the services' addresses and no Kafka: it still opens only
 * with the ops token, and every panel says why it is unavailable instead of failing the page.
 * (With the whole suite running, bench/e2e OperationsIT checks the figures in a browser.)
 */
@QuarkusTest
class ConsoleAccessTest {

    private static final String TOKEN = "local-ops-token";

    @Test
    void withoutTheTokenAPageRequestGoesToTheSignInAndAReplayIsRefused() {
        given().redirects().follow(false).when().get("/ops").then().statusCode(303)
                .header("Location", containsString("/ops/login"));
        given().redirects().follow(false).header("Authorization", "Bearer wrong").when().get("/ops").then()
                .statusCode(303);
        given().formParam("topic", "lots.v1").formParam("eventId", "x").when().post("/ops/dead-letters/replay")
                .then().statusCode(401).contentType("application/problem+json").body("code", equalTo("unauthenticated"));
        given().when().get("/ops/login").then().statusCode(200).body(containsString("name=\"token\""));
    }

    @Test
    void aWrongTokenAtTheSignInSetsNoCookie() {
        given().formParam("token", "not-it").when().post("/ops/login").then().statusCode(401)
                .header("Set-Cookie", org.hamcrest.Matchers.nullValue())
                .body(containsString("not valid"));
    }

    @Test
    void theSignInSetsAStrictHttpOnlyCookieThatIsNotTheToken() {
        Response signIn = given().redirects().follow(false).formParam("token", TOKEN).when().post("/ops/login");
        signIn.then().statusCode(303).header("Location", containsString("/ops"));
        String cookie = signIn.getHeader("Set-Cookie");
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        String value = signIn.getCookie("suite-ops-session");
        assertTrue(!value.contains(TOKEN), cookie);
        given().cookie("suite-ops-session", value).when().get("/ops").then().statusCode(200)
                .body(containsString("<h1>Ops console</h1>"));
        given().redirects().follow(false).cookie("suite-ops-session", value + "0").when().get("/ops").then()
                .statusCode(303);
    }

    @Test
    void everyPanelSaysWhyItIsUnavailableWhenNothingAnswers() {
        String html = given().header("Authorization", "Bearer " + TOKEN).when().get("/ops").then().statusCode(200)
                .header("Content-Security-Policy", containsString("default-src 'none'"))
                .body(not(containsString("<script"))).extract().asString();
        for (String panel : new String[] { "silent", "orders", "lag", "outbox", "dead-letters", "rates", "recalls" }) {
            int start = html.indexOf("<section id=\"" + panel + "\"");
            assertTrue(start >= 0, "no panel " + panel);
            String section = html.substring(start, html.indexOf("</section>", start));
            assertTrue(section.contains("class=\"unavailable\"") && section.contains("unavailable: "),
                    panel + " should be unavailable: " + section);
        }
        assertTrue(html.contains("unavailable: terminal-gateway does not answer"), html);
        assertTrue(html.contains("unavailable: order-service does not answer"), html);
        assertTrue(html.contains("unavailable: bounce-service does not answer"), html);
    }
}
