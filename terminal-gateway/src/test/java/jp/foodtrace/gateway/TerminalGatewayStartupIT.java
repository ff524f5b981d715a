package jp.foodtrace.gateway;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.foodtrace.testsupport.ProductionStartup;

/**
 * The packaged service in the production profile has no default for what deployments must set: a
 * start without one of these variables stops at once, naming it.
 */
class TerminalGatewayStartupIT {

    private static Map<String, String> production() {
        Map<String, String> env = ProductionStartup.platformEnvironment();
        env.put("SUITE_GATEWAY_ADMIN_TOKEN", "production-admin-token");
        return env;
    }

    @ParameterizedTest
    @ValueSource(strings = { "SUITE_GATEWAY_ADMIN_TOKEN", "KAFKA_BOOTSTRAP_SERVERS" })
    void productionStartWithoutARequiredVariableStopsAndNamesIt(String missing) {
        ProductionStartup.assertStopsWithout("terminal-gateway", production(), missing);
    }
}
