package jp.foodtrace.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class PrometheusServerTest {

    private static final String RULES = """
            groups:
              - name: g
                rules:
                  - alert: A
                    expr: x > 0
                    for: 5m
                  - alert: B
                    expr: y > 0
                    for: 15m
                    labels:
                      severity: warning
            """;

    @Test
    void rulesStayAsDeployedUnlessAShorterForIsAsked() {
        assertEquals(RULES, PrometheusServer.rules(RULES, Optional.empty()));
        String shortened = PrometheusServer.rules(RULES, Optional.of(Duration.ofSeconds(20)));
        assertEquals(2, shortened.split("for: 20s", -1).length - 1, shortened);
        assertTrue(!shortened.contains("5m") && shortened.contains("severity: warning"), shortened);
    }

    @Test
    void everyServiceIsScrapedOnItsManagementPortWithItsServiceLabel() {
        PlatformConfig config = PlatformConfig.isolated(Path.of("/tmp/root"), Path.of("/tmp/home"), "db");
        String yaml = PrometheusServer.scrapeConfig(config, new PrometheusServer.Settings(Duration.ofSeconds(2),
                Duration.ofSeconds(2), Optional.empty()));
        for (SuiteService service : SuiteService.values()) {
            assertTrue(yaml.contains("- targets: ['127.0.0.1:" + config.managementPort(service) + "']\n"
                    + "        labels: {service: " + service.module() + "}"), yaml);
        }
        assertTrue(yaml.contains("scrape_interval: 2s") && yaml.contains("job_name: suite")
                && yaml.contains("metrics_path: /q/metrics") && yaml.contains("rules/suite-alerts.yml"), yaml);
    }
}
