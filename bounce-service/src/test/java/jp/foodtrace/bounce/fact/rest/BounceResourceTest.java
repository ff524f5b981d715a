package jp.foodtrace.bounce.fact.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.foodtrace.bounce.ses.SesSamples;
import jp.foodtrace.testsupport.Ops;
import jp.foodtrace.testsupport.OpsApiContract;
import jp.foodtrace.testsupport.SuitePlatformResource;

/** Bounce facts are queryable by recipient and time; bad parameters answer problem+json. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "bounce-service"),
        @ResourceArg(name = "parts", value = "KAFKA,S3") })
class BounceResourceTest implements OpsApiContract {

    @Override
    public String opsPath() {
        return "/v1/bounces";
    }

    @Test
    void factsAreFoundByRecipientInTheirTimeRange() {
        String recipient = "Query-" + UUID.randomUUID() + "@example.jp";
        given().contentType("text/plain").body(SesSamples.sns(SesSamples.permanentBounce(recipient, "smtp; 550 5.1.1 unknown user")))
                .post("/v1/ses/notifications").then().statusCode(200);

        // The SES sample reports the bounce at 2026-11-28T05:16:00Z; the recipient matches case-insensitively.
        Ops.given().queryParam("recipient", recipient.toLowerCase()).queryParam("from", "2026-11-28T05:00:00Z")
                .queryParam("to", "2026-11-28T06:00:00Z")
                .get("/v1/bounces").then().statusCode(200)
                .body("$", hasSize(1))
                .body("[0].recipient", equalTo(recipient))
                .body("[0].reason", equalTo("userunknown"))
                .body("[0].hardBounce", equalTo(true))
                .body("[0].sourceKind", equalTo("ses"));
        Ops.given().queryParam("recipient", recipient).queryParam("from", "2026-11-28T05:16:01Z")
                .queryParam("to", "2026-11-28T06:00:00Z")
                .get("/v1/bounces").then().statusCode(200).body("$", hasSize(0));
    }

    @Test
    void malformedParametersAreRefusedWithProblemJson() {
        Ops.given().queryParam("from", "yesterday").get("/v1/bounces").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("bad-timestamp"));
        Ops.given().queryParam("from", "2026-11-28T06:00:00Z").queryParam("to", "2026-11-28T05:00:00Z")
                .get("/v1/bounces").then().statusCode(400).body("code", equalTo("bad-range"));
        Ops.given().queryParam("limit", "0").get("/v1/bounces").then().statusCode(400).body("code", equalTo("bad-limit"));
        Ops.given().queryParam("recipient", "no-at-sign").get("/v1/bounces").then().statusCode(400)
                .body("code", equalTo("bad-recipient"));
    }
}
