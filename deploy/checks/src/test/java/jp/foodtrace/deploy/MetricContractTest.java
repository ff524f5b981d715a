package jp.foodtrace.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import jp.foodtrace.platform.MetricQueries;
import jp.foodtrace.platform.MetricQueries.Query;
import jp.foodtrace.platform.MetricQueries.Selector;
import jp.foodtrace.platform.SuiteService;

/**
 * The rules and dashboards against the metric contract of deploy/observability/README.md, name by
 * name and label by label, through the same PromQL reading ({@link MetricQueries}) that the
 * end-to-end test checks against the running suite.
 */
class MetricContractTest {

    /** Labels every series has (Prometheus' target labels, the services' common tag) and histogram buckets. */
    private static final Set<String> EVERYWHERE = Set.of("job", "instance", "service");

    @Test
    void theTokenizerFindsSelectorsAndAggregationLabels() {
        List<Selector> selectors = MetricQueries.selectors("""
                sum by (service) (rate(http_server_requests_seconds_count{job="suite", status=~"5.."}[5m]))
                  / on() group_left max(up{job="suite"}) and on() max(a_b:c) > 0.05""");
        assertEquals(List.of("http_server_requests_seconds_count", "up", "a_b:c"),
                selectors.stream().map(Selector::metric).toList());
        assertEquals("[job=\"suite\", status=~\"5..\"]", selectors.get(0).matchers().toString());
        assertTrue(selectors.get(0).matchers().get(1).matches("503"));
        assertFalse(selectors.get(0).matchers().get(1).matches("200"));

        Selector byName = MetricQueries.selectors(
                "sum by (topic) (rate({__name__=~\"suite_.+_events_consumed_total\",outcome=\"processed\"}[5m]))").get(0);
        assertTrue(byName.names("suite_order_service_events_consumed_total"));
        assertFalse(byName.names("suite_order_service_orders_total"));
        assertEquals(Set.of("le", "kind"), MetricQueries.byLabels(
                "histogram_quantile(0.95, sum by (le, kind) (rate(x_bucket[5m])))"));
        assertEquals(List.of("x_bucket"), MetricQueries.selectors(
                "histogram_quantile(0.95, sum by (le, kind) (rate(x_bucket[5m])))").stream().map(Selector::metric).toList());
    }

    @Test
    void everySelectorAndAggregationLabelOfTheRulesAndDashboardsIsInTheContract() throws IOException {
        Map<String, Set<String>> contract = contract();
        List<Query> queries = MetricQueries.of(Tools.root());
        assertTrue(queries.size() >= 30, "rules and dashboard queries found: " + queries.size());
        List<String> problems = new ArrayList<>();
        for (Query query : queries) {
            assertFalse(query.selectors().isEmpty(), query.source() + ": no selector in " + query.expr());
            Set<String> labels = new LinkedHashSet<>(EVERYWHERE);
            for (Selector selector : query.selectors()) {
                List<String> names = contract.keySet().stream().filter(selector::names).toList();
                if (names.isEmpty() && !MetricQueries.PROMETHEUS_SERIES.contains(selector.metric())) {
                    problems.add(query.source() + ": " + selector + " is not in the contract");
                }
                names.forEach(n -> labels.addAll(contract.get(n)));
            }
            for (Selector selector : query.selectors()) {
                selector.labels().stream().map(MetricQueries.Matcher::label).filter(l -> !labels.contains(l))
                        .forEach(l -> problems.add(query.source() + ": label " + l + " of " + selector
                                + " is not in the contract"));
            }
            query.byLabels().stream().filter(l -> !labels.contains(l))
                    .forEach(l -> problems.add(query.source() + ": aggregates by " + l + ", which is not in the contract"));
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /**
     * Prometheus name to tags, from the contract table: {@code suite_<service>_...} stands for each
     * service, {@code (`_count`, ...)} for the other series of a histogram, and a {@code _bucket}
     * series has {@code le}.
     */
    static Map<String, Set<String>> contract() throws IOException {
        String readme = Files.readString(Tools.root().resolve("deploy/observability/README.md"));
        Map<String, Set<String>> contract = new HashMap<>();
        Pattern code = Pattern.compile("`([^`]+)`");
        for (String line : readme.split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|");
            List<String> names = new ArrayList<>();
            Matcher m = code.matcher(cells[1]);
            while (m.find()) {
                String name = m.group(1);
                if (name.startsWith("_") && !names.isEmpty()) {
                    String first = names.get(0);
                    names.add(first.substring(0, first.lastIndexOf('_')) + name);
                } else {
                    names.add(name);
                }
            }
            Set<String> tags = new LinkedHashSet<>();
            Matcher t = code.matcher(cells[4]);
            while (t.find()) {
                tags.add(t.group(1));
            }
            for (String name : names) {
                Set<String> own = new LinkedHashSet<>(tags);
                if (name.endsWith("_bucket")) {
                    own.add("le");
                }
                if (name.contains("<service>")) {
                    for (SuiteService service : SuiteService.values()) {
                        contract.put(name.replace("<service>", service.schema()), own);
                    }
                } else {
                    contract.put(name, own);
                }
            }
        }
        return contract;
    }
}
