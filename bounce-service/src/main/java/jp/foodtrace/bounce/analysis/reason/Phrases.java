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

import jp.foodtrace.bounce.analysis.Deadline;

/**
 * The phrases of one reason, read from {@code phrases.txt}. Kept as data rather than code so
 * that adding a server's wording is a one-line change reviewed next to its neighbours.
 */
final class Phrases {
    private static final Map<String, Phrases> ALL = load();
    private static final Phrases NONE = empty();
    /** How much of a diagnostic text the patterns read (the longest in the corpus has under 1,000 characters). */
    static final int MAX_TEXT = 4096;

    private final List<String> contains = new ArrayList<>();
    private final List<String> vetoes = new ArrayList<>();
    private final List<Alternative> patterns = new ArrayList<>();
    /** {@link #contains}, {@link #vetoes} and the patterns' literal starts, each found in one pass. */
    private Needles containsIndex;
    private Needles vetoIndex;
    private Needles prefixIndex;

    static Phrases of(String reason) {
        return ALL.getOrDefault(reason, NONE);
    }

    /** @param lower the diagnostic text in lower case */
    boolean match(String lower) {
        if (lower == null || lower.isEmpty()) {
            return false;
        }
        if (vetoIndex.anyIn(lower)) {
            return false;
        }
        if (containsIndex.anyIn(lower)) {
            return true;
        }
        if (patterns.isEmpty()) {
            return false;
        }
        // a diagnostic text is a few hundred characters; the patterns read at most the first MAX_TEXT
        CharSequence text = Deadline.guard(lower.length() > MAX_TEXT ? lower.substring(0, MAX_TEXT) : lower);
        boolean[] started = prefixIndex.foundIn(lower);
        for (int i = 0; i < patterns.size(); i++) {
            Alternative alternative = patterns.get(i);
            if (!alternative.prefix.isEmpty() && !started[i]) {
                continue;
            }
            if (alternative.pattern().matcher(text).find()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A list of strings looked for in a text in one pass: at each character that starts one of
     * them, only those are compared. It answers what {@code text.contains(s)} for each of them
     * answers, without reading the text once per string (a phrase list holds dozens, and the
     * reason rules ask several lists about every recipient).
     */
    static final class Needles {
        private final String[] all;
        /** The second character of each string, 0 for strings of one character. */
        private final char[] second;
        /** Indexes into {@link #all} by first character, for first characters below 256. */
        private final int[][] byFirst = new int[256][];
        /** Strings that are empty or start with a character from 256 on: asked one by one. */
        private final int[] others;

        Needles(List<String> strings) {
            all = strings.toArray(new String[0]);
            second = new char[all.length];
            List<Integer> rest = new ArrayList<>();
            for (int i = 0; i < all.length; i++) {
                if (all[i].isEmpty() || all[i].charAt(0) >= 256) {
                    rest.add(i);
                    continue;
                }
                char first = all[i].charAt(0);
                second[i] = all[i].length() > 1 ? all[i].charAt(1) : 0;
                int[] known = byFirst[first];
                int[] grown = known == null ? new int[1] : java.util.Arrays.copyOf(known, known.length + 1);
                grown[grown.length - 1] = i;
                byFirst[first] = grown;
            }
            others = rest.stream().mapToInt(Integer::intValue).toArray();
        }

        /** Whether any of the strings occurs in {@code text}. */
        boolean anyIn(String text) {
            for (int i : others) {
                if (text.contains(all[i])) {
                    return true;
                }
            }
            if (all.length == others.length) {
                return false;
            }
            for (int at = 0, n = text.length(); at < n; at++) {
                char c = text.charAt(at);
                int[] candidates = c < 256 ? byFirst[c] : null;
                if (candidates != null) {
                    for (int i : candidates) {
                        if (startsAt(text, at, i)) {
                            return true;
                        }
                    }
                }
            }
            return false;
        }

        /** text.startsWith(all[i], at), the first character known to match; most fail on the second. */
        private boolean startsAt(String text, int at, int i) {
            if (second[i] != 0 && (at + 1 >= text.length() || text.charAt(at + 1) != second[i])) {
                return false;
            }
            return text.startsWith(all[i], at);
        }

        /** For each string, whether it occurs in {@code text}. */
        boolean[] foundIn(String text) {
            boolean[] found = new boolean[all.length];
            for (int i : others) {
                found[i] = text.contains(all[i]);
            }
            for (int at = 0, n = text.length(); at < n; at++) {
                char c = text.charAt(at);
                int[] candidates = c < 256 ? byFirst[c] : null;
                if (candidates != null) {
                    for (int i : candidates) {
                        if (!found[i] && startsAt(text, at, i)) {
                            found[i] = true;
                        }
                    }
                }
            }
            return found;
        }
    }

    /**
     * One alternative of a phrase pattern, compiled the first time a text passes its literal-start
     * test. Most alternatives never pass it in a run, and compiling all of them (several hundred)
     * when the class loads was the largest single start-up cost of a one-message run.
     */
    private static final class Alternative {
        final String regex;
        /** Literal start of every match; "" when the pattern has none. */
        final String prefix;
        /** Pattern is immutable and thread-safe; volatile publishes it whole to other threads. */
        private volatile Pattern compiled;

        Alternative(String regex) {
            this.regex = regex;
            this.prefix = literalPrefix(regex);
        }

        Pattern pattern() {
            Pattern p = compiled;
            if (p == null) {
                // two threads may both compile it; either result is the same pattern
                p = Pattern.compile(regex);
                compiled = p;
            }
            return p;
        }
    }

    /**
     * The top-level alternatives of a pattern written as {@code (?>a|b|c)} or {@code a|b|c}.
     * A text matches the whole pattern exactly when it matches one of them, and each one can be
     * skipped with a plain substring test on its literal start, which is what makes the large
     * phrase lists cheap: most alternatives are never run.
     */
    static List<String> alternatives(String regex) {
        String body = regex;
        if (body.startsWith("(?>") && closingParen(body, 0) == body.length() - 1) {
            body = body.substring(3, body.length() - 1);
        }
        List<String> out = new ArrayList<>();
        int depth = 0;
        boolean inClass = false;
        int start = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                out.add(body.substring(start, i));
                start = i + 1;
            }
        }
        out.add(body.substring(start));
        return out;
    }

    private static int closingParen(String regex, int open) {
        int depth = 0;
        boolean inClass = false;
        for (int i = open; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }

    /** The characters every match of the pattern starts with ("[ ]" read as a space), or "". */
    static String literalPrefix(String regex) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < regex.length()) {
            char c = regex.charAt(i);
            String single = null;
            int next = i + 1;
            if (c == '[' && i + 2 < regex.length() && regex.charAt(i + 2) == ']' && regex.charAt(i + 1) != '^'
                    && regex.charAt(i + 1) != '\\') {
                single = String.valueOf(regex.charAt(i + 1));
                next = i + 3;
            } else if (Character.isLetterOrDigit(c) || " <>@:;,'\"=/!#%&_-".indexOf(c) >= 0) {
                single = String.valueOf(c);
            }
            if (single == null) {
                break;
            }
            if (next < regex.length() && "?*{".indexOf(regex.charAt(next)) >= 0) {
                break;
            }
            out.append(single);
            i = next;
        }
        return out.toString();
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
                    case "regex" -> {
                        for (String alternative : alternatives(value)) {
                            current.patterns.add(new Alternative(alternative));
                        }
                    }
                    default -> throw new IllegalStateException("unknown phrase kind: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (Phrases p : map.values()) {
            p.index();
        }
        return map;
    }

    private static Phrases empty() {
        Phrases none = new Phrases();
        none.index();
        return none;
    }

    private void index() {
        containsIndex = new Needles(contains);
        vetoIndex = new Needles(vetoes);
        List<String> prefixes = new ArrayList<>(patterns.size());
        for (Alternative alternative : patterns) {
            prefixes.add(alternative.prefix);
        }
        prefixIndex = new Needles(prefixes);
    }
}
