package jp.foodtrace.bounce.analysis.reason;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import jp.foodtrace.bounce.TestCorpus;

class PhrasesTest {
    @Test
    void alternativesAreSplitOnlyAtTheTopLevel() {
        assertEquals(List.of("a[ ]b", "c(?:d|e)", "[|]x"), Phrases.alternatives("(?>a[ ]b|c(?:d|e)|[|]x)"));
        assertEquals(List.of("553[ ][^ ]+[ ]does"), Phrases.alternatives("553[ ][^ ]+[ ]does"));
    }

    @Test
    void needlesAnswerWhatContainsAnswers() {
        List<String> strings = List.of("", "ab", "abc", "b", "ba", "\u3042\u3044", "\u3044", "c a", "aa");
        Phrases.Needles all = new Phrases.Needles(strings);
        Phrases.Needles latin = new Phrases.Needles(List.of("ab", "abc", "b a", "cc"));
        Phrases.Needles none = new Phrases.Needles(List.of());
        String alphabet = "abc \u3042\u3044";
        java.util.Random random = new java.util.Random(7);
        for (int n = 0; n < 20000; n++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String t = text.toString();
            boolean[] found = all.foundIn(t);
            for (int i = 0; i < strings.size(); i++) {
                assertEquals(t.contains(strings.get(i)), found[i], t + " / " + strings.get(i));
            }
            assertEquals(true, all.anyIn(t), t);
            assertEquals(Stream.of("ab", "abc", "b a", "cc").anyMatch(t::contains), latin.anyIn(t), t);
            assertFalse(none.anyIn(t), t);
        }
    }

    @Test
    void literalPrefixStopsAtTheFirstVariablePart() {
        assertEquals("user unknown", Phrases.literalPrefix("user[ ]unknown"));
        assertEquals("mailbox ", Phrases.literalPrefix("mailbox[ ](?:full|busy)"));
        assertEquals("a", Phrases.literalPrefix("ab?c"));
        assertEquals("", Phrases.literalPrefix("\\Aprocmail:[ ]"));
        assertEquals("", Phrases.literalPrefix("[^ ]+[ ]blocked"));
    }

    /**
     * The prefiltered alternatives must say yes exactly when the whole pattern would: checked on
     * every line of the sample corpus and on each alternative's own literal start.
     */
    @Test
    void splitPatternsMatchExactlyLikeTheWholePattern() throws IOException {
        List<String> texts = new ArrayList<>();
        Path dev = TestCorpus.dev();
        try (Stream<Path> files = Files.list(dev)) {
            for (Path p : files.toList()) {
                for (String line : new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1).split("\n")) {
                    texts.add(line.toLowerCase(Locale.ROOT));
                }
            }
        }
        int patterns = 0;
        for (String regex : regexes()) {
            Pattern whole = Pattern.compile(regex);
            List<Pattern> parts = new ArrayList<>();
            List<String> prefixes = new ArrayList<>();
            for (String alternative : Phrases.alternatives(regex)) {
                parts.add(Pattern.compile(alternative));
                prefixes.add(Phrases.literalPrefix(alternative));
                texts.add("said: " + Phrases.literalPrefix(alternative) + " x");
            }
            for (String text : texts) {
                boolean split = false;
                for (int i = 0; i < parts.size() && !split; i++) {
                    split = (prefixes.get(i).isEmpty() || text.contains(prefixes.get(i))) && parts.get(i).matcher(text).find();
                }
                assertEquals(whole.matcher(text).find(), split, regex + " on: " + text);
            }
            patterns++;
        }
        assertFalse(patterns == 0, "phrases.txt has regex entries");
    }

    private static List<String> regexes() throws IOException {
        List<String> out = new ArrayList<>();
        try (var in = Phrases.class.getResourceAsStream("phrases.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.startsWith("regex ")) {
                    out.add(line.substring(6));
                }
            }
        }
        return out;
    }
}
