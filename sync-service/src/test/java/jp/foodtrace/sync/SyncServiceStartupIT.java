package jp.foodtrace.sync;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.foodtrace.testsupport.ProductionStartup;

/**
 * The packaged service in the production profile has no default for what deployments must set: a
 * start without one of these variables stops at once, naming it.
 */
class SyncServiceStartupIT {

    private static Map<String, String> production() {
        Map<String, String> env = ProductionStartup.platformEnvironment();
        env.put("SUITE_SYNC_ADMIN_TOKEN", "production-admin-token");
        return env;
    }

    @ParameterizedTest
    @ValueSource(strings = { "SUITE_SYNC_ADMIN_TOKEN", "QUARKUS_DATASOURCE_JDBC_URL" })
    void productionStartWithoutARequiredVariableStopsAndNamesIt(String missing) {
        ProductionStartup.assertStopsWithout("sync-service", production(), missing);
    }
}
