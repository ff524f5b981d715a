package jp.foodtrace.testsupport;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/**
 * Requests to the service's management interface, where {@code /q/health}, {@code /q/metrics} and
 * {@code /q/openapi} are served (the HTTP port answers them 404). The port is the one
 * {@link TestPlatform} picked and handed to Quarkus as {@code quarkus.management.test-port}.
 */
public final class Management {

    private Management() {
    }

    /** The management port of the service under test. */
    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /** A RestAssured request to the management interface: {@code Management.given().get("/q/metrics")}. */
    public static RequestSpecification given() {
        return RestAssured.given().port(port());
    }
}
