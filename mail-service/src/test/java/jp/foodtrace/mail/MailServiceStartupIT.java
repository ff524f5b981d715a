package jp.foodtrace.mail;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.foodtrace.testsupport.ProductionStartup;

/**
 * The packaged service in the production profile has no default for what deployments must set: a
 * start without one of these variables stops at once, naming it.
 */
class MailServiceStartupIT {

    private static Map<String, String> production() {
        Map<String, String> env = ProductionStartup.platformEnvironment();
        env.put("SUITE_OPS_TOKEN", "production-ops-token");
        env.put("SUITE_MAIL_UNSUBSCRIBE_KEY", "production-unsubscribe-key-0123456789abcdef0123456789");
        env.put("SUITE_MAIL_UNSUBSCRIBE_BASE_URL", "https://mail.example.jp");
        return env;
    }

    @ParameterizedTest
    @ValueSource(strings = { "SUITE_MAIL_UNSUBSCRIBE_KEY", "SUITE_MAIL_UNSUBSCRIBE_BASE_URL", "SUITE_OPS_TOKEN" })
    void productionStartWithoutARequiredVariableStopsAndNamesIt(String missing) {
        ProductionStartup.assertStopsWithout("mail-service", production(), missing);
    }
}
