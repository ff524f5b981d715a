package jp.foodtrace.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What the alert rules and the Grafana dashboards of {@code deploy/observability} ask of the
 * services: every expression, and in it every series selector (metric name and label matchers),
 * found by a small PromQL tokenizer. The metric contract test and the end-to-end observability
 * test check exactly this list against what the services export and what Prometheus answers.
 */
public final class MetricQueries {

    static final String RULES = "deploy/observability/prometheus/rules/suite-alerts.yml";
    static final String DASHBOARDS = "deploy/observability/grafana/dashboards";

    /** Labels Prometheus adds to every scraped series (target labels), not the services. */
    public static final Set<String> TARGET_LABELS = Set.of("job", "instance");

    /** Series Prometheus makes itself, not the services. */
    public static final Set<String> PROMETHEUS_SERIES = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    /** Functions and operators that look like identifiers. */
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "by", "without", "on",
            "ignoring", "group_left", "group_right", "inf", "nan", "atan2");
    private static final Set<String> GROUPING = Set.of("by", "without", "on", "ignoring", "group_left", "group_right");
    private static final Set<String> AGGREGATIONS = Set.of("sum", "min", "max", "avg", "group", "stddev", "stdvar",
            "count", "count_values", "bottomk", "topk", "quantile");

    private MetricQueries() {
    }

    /** One label matcher: {@code name op "value"} with op one of =, !=, =~, !~. */
    public record Matcher(String label, String op, String value) {

        public boolean matches(String actual) {
            String v = actual == null ? "" : actual;
            return switch (op) {
                case "=" -> v.equals(value);
                case "!=" -> !v.equals(value);
                case "=~" -> Pattern.compile(value).matcher(v).matches();
                case "!~" -> !Pattern.compile(value).matcher(v).matches();
                default -> throw new IllegalStateException(op);
            };
        }

        @Override
        public String toString() {
            return label + op + '"' + value + '"';
        }
    }

    /** A series selector; {@code metric} is null when the name is given as a {@code __name__} matcher. */
    public record Selector(String metric, List<Matcher> matchers) {

        /** Whether a series name fits: the metric itself or the {@code __name__} matchers. */
        public boolean names(String name) {
            if (metric != null) {
                return metric.equals(name);
            }
            return matchers.stream().filter(m -> m.label().equals("__name__")).allMatch(m -> m.matches(name));
        }

        /** Label matchers other than the name. */
        public List<Matcher> labels() {
            return matchers.stream().filter(m -> !m.label().equals("__name__")).toList();
        }

        /** The selector as PromQL. */
        public String promql() {
            StringBuilder s = new StringBuilder(metric == null ? "" : metric);
            s.append('{');
            List<String> parts = new ArrayList<>();
            for (Matcher m : matchers) {
                parts.add(m.label() + m.op() + '"' + m.value().replace("\\", "\\\\").replace("\"", "\\\"") + '"');
            }
            s.append(String.join(",", parts)).append('}');
            return s.toString();
        }

        @Override
        public String toString() {
            return promql();
        }
    }

    /**
     * An expression where it was found ({@code alert X} or {@code dashboard "T" panel "P"}), its
     * selectors and the labels it aggregates by ({@code by (...)}), which must exist too: a
     * misspelt one silently merges every series into one.
     */
    public record Query(String source, boolean alert, String expr, List<Selector> selectors, Set<String> byLabels) {

        static Query of(String source, boolean alert, String expr) {
            return new Query(source, alert, expr, MetricQueries.selectors(expr), MetricQueries.byLabels(expr));
        }
    }

    /** Every alert expression and dashboard panel query of the checkout. */
    public static List<Query> of(Path root) {
        List<Query> queries = new ArrayList<>();
        try {
            Map<String, Object> file = new Yaml().load(Files.readString(root.resolve(RULES)));
            for (Object group : (List<?>) file.get("groups")) {
                for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                    Map<?, ?> r = (Map<?, ?>) rule;
                    String expr = String.valueOf(r.get("expr")).strip();
                    String name = r.containsKey("alert") ? "alert " + r.get("alert") : "record " + r.get("record");
                    queries.add(Query.of(name, r.containsKey("alert"), expr));
                }
            }
            List<Path> dashboards;
            try (Stream<Path> files = Files.list(root.resolve(DASHBOARDS))) {
                dashboards = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
            }
            ObjectMapper json = new ObjectMapper();
            for (Path dashboardFile : dashboards) {
                JsonNode dashboard = json.readTree(dashboardFile.toFile());
                for (JsonNode panel : dashboard.path("panels")) {
                    for (JsonNode target : panel.path("targets")) {
                        String expr = target.path("expr").asText();
                        queries.add(Query.of("dashboard \"" + dashboard.path("title").asText() + "\" panel \""
                                + panel.path("title").asText() + "\"", false, expr));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return queries;
    }

    /** Every series selector of a PromQL expression, in order. */
    public static List<Selector> selectors(String expr) {
        List<String> tokens = tokens(expr);
        List<Selector> selectors = new ArrayList<>();
        for (int i = 0; i < tokens.size(); i++) {
            String t = tokens.get(i);
            String next = i + 1 < tokens.size() ? tokens.get(i + 1) : "";
            if (isIdentifier(t)) {
                if (GROUPING.contains(t) && next.equals("(")) {
                    i = closing(tokens, i + 1, "(", ")");
                } else if (next.equals("(") || KEYWORDS.contains(t.toLowerCase())
                        || (AGGREGATIONS.contains(t) && GROUPING.contains(next))) {
                    continue;
                } else if (next.equals("{")) {
                    int end = closing(tokens, i + 1, "{", "}");
                    selectors.add(new Selector(t, matchers(tokens.subList(i + 2, end))));
                    i = end;
                } else {
                    selectors.add(new Selector(t, List.of()));
                }
            } else if (t.equals("{")) {
                int end = closing(tokens, i, "{", "}");
                selectors.add(new Selector(null, matchers(tokens.subList(i + 1, end))));
                i = end;
            } else if (t.equals("[")) {
                i = closing(tokens, i, "[", "]");
            }
        }
        return selectors;
    }

    /** The labels of every {@code by (...)} clause. */
    public static Set<String> byLabels(String expr) {
        List<String> tokens = tokens(expr);
        Set<String> labels = new LinkedHashSet<>();
        for (int i = 0; i + 1 < tokens.size(); i++) {
            if (tokens.get(i).equals("by") && tokens.get(i + 1).equals("(")) {
                int end = closing(tokens, i + 1, "(", ")");
                tokens.subList(i + 2, end).stream().filter(t -> !t.equals(",")).forEach(labels::add);
            }
        }
        return labels;
    }

    /** The metric names of the selectors that name one. */
    public static Set<String> metrics(List<Query> queries) {
        Set<String> names = new LinkedHashSet<>();
        queries.forEach(q -> q.selectors().forEach(s -> {
            if (s.metric() != null) {
                names.add(s.metric());
            }
        }));
        return names;
    }

    private static List<Matcher> matchers(List<String> tokens) {
        List<Matcher> matchers = new ArrayList<>();
        for (int i = 0; i + 2 < tokens.size(); i += 3) {
            String value = tokens.get(i + 2);
            if (!value.startsWith("\"")) {
                throw new IllegalArgumentException("label matcher without a string: " + tokens);
            }
            matchers.add(new Matcher(tokens.get(i), tokens.get(i + 1), unquote(value)));
            if (i + 3 < tokens.size() && tokens.get(i + 3).equals(",")) {
                i++;
            }
        }
        return matchers;
    }

    private static int closing(List<String> tokens, int open, String opening, String close) {
        int depth = 0;
        for (int i = open; i < tokens.size(); i++) {
            if (tokens.get(i).equals(opening)) {
                depth++;
            } else if (tokens.get(i).equals(close) && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unbalanced " + opening + " in " + String.join(" ", tokens));
    }

    /** Identifiers, numbers, strings (with their quotes), operators and brackets. */
    static List<String> tokens(String expr) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < expr.length()) {
            char c = expr.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#') {
                while (i < expr.length() && expr.charAt(i) != '\n') {
                    i++;
                }
            } else if (c == '"' || c == '\'' || c == '`') {
                int j = i + 1;
                while (j < expr.length() && expr.charAt(j) != c) {
                    j += expr.charAt(j) == '\\' && c != '`' ? 2 : 1;
                }
                tokens.add('"' + expr.substring(i + 1, Math.min(j, expr.length())) + '"');
                i = j + 1;
            } else if (Character.isLetter(c) || c == '_' || c == ':') {
                int j = i;
                while (j < expr.length() && (Character.isLetterOrDigit(expr.charAt(j)) || expr.charAt(j) == '_'
                        || expr.charAt(j) == ':')) {
                    j++;
                }
                tokens.add(expr.substring(i, j));
                i = j;
            } else if (Character.isDigit(c) || c == '.') {
                int j = i;
                while (j < expr.length() && (Character.isLetterOrDigit(expr.charAt(j)) || expr.charAt(j) == '.')) {
                    j++;
                }
                tokens.add(expr.substring(i, j));
                i = j;
            } else {
                String two = i + 1 < expr.length() ? expr.substring(i, i + 2) : "";
                if (Set.of("=~", "!~", "!=", "==", "<=", ">=").contains(two)) {
                    tokens.add(two);
                    i += 2;
                } else {
                    tokens.add(String.valueOf(c));
                    i++;
                }
            }
        }
        return tokens;
    }

    private static boolean isIdentifier(String token) {
        char c = token.charAt(0);
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static String unquote(String token) {
        String body = token.substring(1, token.length() - 1);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length()) {
                s.append(body.charAt(++i));
            } else {
                s.append(c);
            }
        }
        return s.toString();
    }

    /** Series of a Prometheus text exposition: name and labels of every sample line. */
    public record Series(String name, Map<String, String> labels) {
    }

    /** Parses the sample lines of a {@code /q/metrics} answer (text format 0.0.4). */
    public static List<Series> exposition(String text) {
        List<Series> series = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.indexOf(' ');
            if (brace < 0 || (space >= 0 && space < brace)) {
                series.add(new Series(line.substring(0, space < 0 ? line.length() : space), Map.of()));
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            int i = brace + 1;
            while (i < line.length() && line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String label = line.substring(i, eq).strip();
                int j = eq + 2;
                StringBuilder value = new StringBuilder();
                while (line.charAt(j) != '"') {
                    if (line.charAt(j) == '\\') {
                        char e = line.charAt(++j);
                        value.append(e == 'n' ? '\n' : e);
                    } else {
                        value.append(line.charAt(j));
                    }
                    j++;
                }
                labels.put(label, value.toString());
                i = j + 1;
                if (i < line.length() && line.charAt(i) == ',') {
                    i++;
                }
            }
            series.add(new Series(line.substring(0, brace), labels));
        }
        return series;
    }
}
