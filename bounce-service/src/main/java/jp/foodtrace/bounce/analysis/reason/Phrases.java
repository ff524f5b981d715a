package jp.foodtrace.bounce.analysis.reason;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The phrases of one reason, read from {@code phrases.txt}. Kept as data rather than code so
 * that adding a server's wording is a one-line change reviewed next to its neighbours.
 */
final class Phrases {
    private static final Map<String, Phrases> ALL = load();
    private static final Phrases NONE = new Phrases();

    private final List<String> contains = new ArrayList<>();
    private final List<String> vetoes = new ArrayList<>();
    private final List<Pattern> patterns = new ArrayList<>();

    static Phrases of(String reason) {
        return ALL.getOrDefault(reason, NONE);
    }

    /** @param lower the diagnostic text in lower case */
    boolean match(String lower) {
        if (lower == null || lower.isEmpty()) {
            return false;
        }
        for (String v : vetoes) {
            if (lower.contains(v)) {
                return false;
            }
        }
        for (String c : contains) {
            if (lower.contains(c)) {
                return true;
            }
        }
        for (Pattern p : patterns) {
            if (p.matcher(lower).find()) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, Phrases> load() {
        Map<String, Phrases> map = new HashMap<>();
        try (var in = Phrases.class.getResourceAsStream("phrases.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Phrases current = null;
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (line.startsWith("[")) {
                    current = map.computeIfAbsent(line.substring(1, line.indexOf(']')), k -> new Phrases());
                    continue;
                }
                int sp = line.indexOf(' ');
                String kind = line.substring(0, sp);
                String value = line.substring(sp + 1);
                switch (kind) {
                    case "contains" -> current.contains.add(value);
                    case "isnot" -> current.vetoes.add(value);
                    case "regex" -> current.patterns.add(Pattern.compile(value));
                    default -> throw new IllegalStateException("unknown phrase kind: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return map;
    }
}
