package jp.foodtrace.bounce;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.foodtrace.testsupport.ProductionStartup;

/**
 * The packaged service in the production profile has no default for what deployments must set: a
 * start without one of these variables stops at once, naming it.
 */
class BounceServiceStartupIT {

    private static Map<String, String> production() {
        Map<String, String> env = ProductionStartup.platformEnvironment();
        env.put("SUITE_OPS_TOKEN", "production-ops-token");
        env.put("SUITE_BOUNCE_BUCKET", "inbound-mail");
        env.put("SUITE_BOUNCE_SNS_TOPIC_ARN", "arn:aws:sns:us-west-2:000000000000:bounces");
        return env;
    }

    @ParameterizedTest
    @ValueSource(strings = { "SUITE_BOUNCE_BUCKET", "SUITE_BOUNCE_SNS_TOPIC_ARN", "SUITE_OPS_TOKEN",
            "QUARKUS_DATASOURCE_USERNAME" })
    void productionStartWithoutARequiredVariableStopsAndNamesIt(String missing) {
        ProductionStartup.assertStopsWithout("bounce-service", production(), missing);
    }
}
