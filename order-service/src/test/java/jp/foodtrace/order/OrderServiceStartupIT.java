package jp.foodtrace.order;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.foodtrace.testsupport.ProductionStartup;

/**
 * The packaged service in the production profile has no default for what deployments must set: a
 * start without one of these variables stops at once, naming it.
 */
class OrderServiceStartupIT {

    private static Map<String, String> production() {
        Map<String, String> env = ProductionStartup.platformEnvironment();
        env.put("SUITE_OPS_TOKEN", "production-ops-token");
        return env;
    }

    @ParameterizedTest
    @ValueSource(strings = { "SUITE_OPS_TOKEN", "QUARKUS_DATASOURCE_PASSWORD" })
    void productionStartWithoutARequiredVariableStopsAndNamesIt(String missing) {
        ProductionStartup.assertStopsWithout("order-service", production(), missing);
    }
}
