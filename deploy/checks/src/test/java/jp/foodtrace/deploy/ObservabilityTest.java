package jp.foodtrace.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static jp.foodtrace.deploy.KubernetesManifestsTest.at;
import static jp.foodtrace.deploy.KubernetesManifestsTest.list;
import static jp.foodtrace.deploy.KubernetesManifestsTest.map;
import static jp.foodtrace.deploy.KubernetesManifestsTest.yaml;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Prometheus configuration and rules through promtool (Debian's {@code prometheus} package), and
 * the rules and dashboards against the metric contract in deploy/observability/README.md.
 */
class ObservabilityTest {

    private static final Pattern SUITE_METRIC = Pattern.compile("\\bsuite_[a-z_]+\\b");

    static Path observability;
    static Path prometheus;

    @BeforeAll
    static void locate() {
        observability = Tools.root().resolve("deploy/observability");
        prometheus = observability.resolve("prometheus");
    }

    private static Tools.Result promtool(String... args) {
        List<String> command = new ArrayList<>();
        command.add(Tools.require("promtool", "prometheus").toString());
        command.addAll(List.of(args));
        return Tools.run(command, Map.of(), prometheus, 120);
    }

    @Test
    void scrapeConfigurationAndRulesPassPromtoolChecks() {
        Tools.Result config = promtool("check", "config", "prometheus.yml");
        assertEquals(0, config.code(), config.output());
        Tools.Result rules = promtool("check", "rules", "rules/suite-alerts.yml");
        assertEquals(0, rules.code(), rules.output());
    }

    @Test
    void alertRulesPassTheirUnitTests() {
        Tools.Result result = promtool("test", "rules", "tests/suite-alerts.test.yml");
        assertEquals(0, result.code(), result.output());
        assertTrue(result.output().contains("SUCCESS"), result.output());
    }

    private static List<Map<String, Object>> alertRules() throws IOException {
        List<Map<String, Object>> alerts = new ArrayList<>();
        Map<String, Object> file = map(yaml().load(Files.readString(prometheus.resolve("rules/suite-alerts.yml"))));
        for (Object group : list(file.get("groups"))) {
            for (Object rule : list(map(group).get("rules"))) {
                alerts.add(map(rule));
            }
        }
        return alerts;
    }

    @Test
    void everyAlertHasAUnitTestThatSeesItFireAndStayQuiet() throws IOException {
        Map<String, Object> tests = map(yaml().load(Files.readString(prometheus.resolve("tests/suite-alerts.test.yml"))));
        Set<Object> firing = new HashSet<>();
        Set<Object> quiet = new HashSet<>();
        for (Object test : list(tests.get("tests"))) {
            for (Object check : list(map(test).get("alert_rule_test"))) {
                Map<String, Object> c = map(check);
                (list(c.get("exp_alerts")).isEmpty() ? quiet : firing).add(c.get("alertname"));
            }
        }
        Set<String> required = Set.of("MailBounceRateHigh", "MailBounceRateCritical", "MailComplaintRateHigh",
                "MailComplaintRateCritical", "TerminalsSilentBeforeCutoff", "ConsumerLagHigh", "DeadLetterTopicGrowing",
                "Http5xxRateHigh", "ServiceDown");
        Set<Object> declared = new HashSet<>();
        for (Map<String, Object> alert : alertRules()) {
            declared.add(alert.get("alert"));
            assertTrue(firing.contains(alert.get("alert")), alert.get("alert") + " is never shown firing");
            assertTrue(quiet.contains(alert.get("alert")), alert.get("alert") + " is never shown quiet");
            assertTrue(Set.of("warning", "critical").contains(at(alert, "labels", "severity")), alert.toString());
        }
        assertTrue(declared.containsAll(required), "missing alerts: " + required);
    }

    @Test
    void kubernetesScrapeConfigurationHasTheSameJobsAndRules() throws IOException {
        Map<String, Object> local = map(yaml().load(Files.readString(prometheus.resolve("prometheus.yml"))));
        Map<String, Object> k8s = map(yaml().load(Files.readString(prometheus.resolve("prometheus-kubernetes.yml"))));
        assertEquals(local.get("rule_files"), k8s.get("rule_files"));
        assertEquals(jobs(local), jobs(k8s));
        // The services' pods carry the annotations this configuration keeps.
        String deployment = Files.readString(Tools.root().resolve("deploy/k8s/base/order-service.yaml"));
        assertTrue(deployment.contains("prometheus.io/scrape: \"true\"") && deployment.contains("prometheus.io/path: /q/metrics"));
        assertTrue(String.valueOf(k8s.get("scrape_configs")).contains("target_label=service"));
    }

    private static List<Object> jobs(Map<String, Object> config) {
        return list(config.get("scrape_configs")).stream().map(c -> map(c).get("job_name")).toList();
    }

    private static Set<String> contractMetrics() throws IOException {
        Set<String> names = new HashSet<>();
        Matcher matcher = Pattern.compile("`(suite_[a-z_<>]+)`").matcher(Files.readString(observability.resolve("README.md")));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private static List<JsonNode> dashboards() throws IOException {
        List<JsonNode> dashboards = new ArrayList<>();
        try (Stream<Path> files = Files.list(observability.resolve("grafana/dashboards"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                dashboards.add(new ObjectMapper().readTree(file.toFile()));
            }
        }
        return dashboards;
    }

    private static List<String> dashboardQueries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        dashboard.get("panels").forEach(panel -> panel.path("targets").forEach(t -> queries.add(t.get("expr").asText())));
        return queries;
    }

    @Test
    void rulesAndDashboardsUseOnlyMetricsOfTheContract() throws IOException {
        Set<String> contract = contractMetrics();
        assertTrue(contract.contains("suite_bounce_service_bounce_rate"), contract.toString());
        List<String> expressions = new ArrayList<>();
        alertRules().forEach(rule -> expressions.add(String.valueOf(rule.get("expr"))));
        for (JsonNode dashboard : dashboards()) {
            expressions.addAll(dashboardQueries(dashboard));
        }
        for (String expression : expressions) {
            Matcher matcher = SUITE_METRIC.matcher(expression);
            while (matcher.find()) {
                String metric = matcher.group();
                boolean declared = contract.contains(metric)
                        || (metric.endsWith("_dead_letters_total") && contract.contains("suite_<service>_dead_letters_total"))
                        || expression.contains("suite_.+_dead_letters_total");
                assertTrue(declared, metric + " is not in the metric contract (README.md)");
            }
        }
    }

    @Test
    void theFourDashboardsHaveQueriesThatParseAsPromQl(@TempDir Path dir) throws IOException {
        List<JsonNode> dashboards = dashboards();
        Set<String> titles = new HashSet<>();
        Set<String> uids = new HashSet<>();
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard-queries\n    rules:\n");
        int n = 0;
        for (JsonNode dashboard : dashboards) {
            titles.add(dashboard.get("title").asText());
            uids.add(dashboard.get("uid").asText());
            List<String> queries = dashboardQueries(dashboard);
            assertFalse(queries.isEmpty(), dashboard.get("title").asText());
            for (String query : queries) {
                // Each query as a recording rule: promtool check rules parses it.
                rules.append("      - record: dashboard:query").append(n++).append('\n')
                        .append("        expr: '").append(query.replace("'", "''")).append("'\n");
            }
        }
        assertEquals(Set.of("Ordering flow", "Terminal fleet", "Mail and bounces", "Kafka"), titles);
        assertEquals(dashboards.size(), uids.size(), "dashboard uids are unique");
        Path file = dir.resolve("dashboard-queries.yml");
        Files.writeString(file, rules);
        Tools.Result result = promtool("check", "rules", file.toString());
        assertEquals(0, result.code(), result.output());
        assertTrue(result.output().contains("SUCCESS: " + n + " rules found"), result.output());
    }
}
