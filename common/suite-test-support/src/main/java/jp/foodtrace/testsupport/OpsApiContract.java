package jp.foodtrace.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

/**
 * The ops token on a service's internal ops API ({@code @OpsOnly}): no token or a wrong one is 401
 * problem+json with {@code WWW-Authenticate: Bearer}, counted in {@code suite_api_refused_total} by
 * reason; the service's token is let through. A {@code @QuarkusTest} of a service with ops APIs
 * implements this and names one GET path of its ops API that answers 200.
 */
public interface OpsApiContract {

    /** A GET path of the ops API that answers 200 with the right token. */
    String opsPath();

    @Test
    default void opsApiWithoutTokenIsUnauthorizedProblem() {
        given().when().get(opsPath()).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401))
                .body("code", equalTo("unauthenticated"));
        given().header("Authorization", "Basic b3BzOm9wcw==").when().get(opsPath()).then().statusCode(401);
        Management.given().when().get("/q/metrics").then()
                .body(containsString("suite_api_refused_total{reason=\"missing-token\",service="));
    }

    @Test
    default void opsApiWithWrongTokenIsUnauthorizedProblem() {
        given().header("Authorization", "Bearer " + Ops.token() + "x").when().get(opsPath()).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("unauthenticated"));
        given().header("Authorization", "Bearer not-the-ops-token").when().get(opsPath()).then().statusCode(401);
        Management.given().when().get("/q/metrics").then()
                .body(containsString("suite_api_refused_total{reason=\"wrong-token\",service="));
    }

    @Test
    default void opsApiWithTheTokenAnswers() {
        Ops.given().when().get(opsPath()).then().statusCode(200);
        given().header("Authorization", "bearer " + Ops.token()).when().get(opsPath()).then().statusCode(200);
    }
}
