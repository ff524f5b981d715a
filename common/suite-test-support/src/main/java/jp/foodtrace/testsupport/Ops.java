package jp.foodtrace.testsupport;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** Requests to a service's internal ops API ({@code @OpsOnly}), with the ops token of the test profile. */
public final class Ops {

    private Ops() {
    }

    /** The service's {@code suite.ops.token} ({@code local-ops-token} in the test profile). */
    public static String token() {
        return ConfigProvider.getConfig().getValue("suite.ops.token", String.class);
    }

    /** A RestAssured request carrying {@code Authorization: Bearer <ops token>}. */
    public static RequestSpecification given() {
        return RestAssured.given().header("Authorization", "Bearer " + token());
    }
}
