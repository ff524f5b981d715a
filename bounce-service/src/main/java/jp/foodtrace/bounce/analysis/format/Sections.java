package jp.foodtrace.bounce.analysis.format;

/**
 * Cuts a notice at fixed lines: the servers' own layouts open their error part with a fixed
 * sentence and end it where the returned message begins. Plain string searches, no patterns.
 */
final class Sections {
    private Sections() {
    }

    /** Where the first line that starts with one of the openings begins, or -1. */
    static int lineStarting(String text, String... openings) {
        int best = -1;
        for (String opening : openings) {
            int i = text.startsWith(opening) ? 0 : text.indexOf("\n" + opening);
            if (i > 0) {
                i++;
            }
            if (i >= 0 && (best < 0 || i < best)) {
                best = i;
            }
        }
        return best;
    }

    /** The text after the line that starts with one of the openings; {@code null} when no line does. */
    static String after(String text, String... openings) {
        int i = lineStarting(text, openings);
        if (i < 0) {
            return null;
        }
        int nl = text.indexOf('\n', i);
        return nl < 0 ? "" : text.substring(nl + 1);
    }

    /** The text before the first line that starts with the marker, the whole text when none does. */
    static String before(String text, String marker) {
        int i = lineStarting(text, marker);
        return i < 0 ? text : text.substring(0, i);
    }

    /** The text of the lines after the first one that contains the phrase; {@code null} when none does. */
    static String afterLineContaining(String text, String phrase) {
        int i = text.indexOf(phrase);
        if (i < 0) {
            return null;
        }
        int nl = text.indexOf('\n', i);
        return nl < 0 ? "" : text.substring(nl + 1);
    }
}
