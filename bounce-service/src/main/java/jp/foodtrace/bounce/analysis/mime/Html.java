package jp.foodtrace.bounce.analysis.mime;

import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;

/** Enough HTML-to-text for bounce notices that come only as HTML. */
final class Html {
    private static final Pattern DROP = Pattern.compile("(?is)<(style|script|head)[^<>]*+>.*?</\\1>");
    /** What {@link #breaks} replaces with a line feed; kept as the definition it must follow. */
    static final Pattern BREAK = Pattern.compile("(?i)<(br|/p|/div|/tr|/li|/h[1-6])[^<>]*+>");
    /**
     * What {@link #withoutTags} removes. A tag ends at its '&gt;' or gives up at the next '&lt;':
     * each character is read once, even in "&lt;&lt;&lt;&lt;...".
     */
    static final Pattern TAG = Pattern.compile("<[^<>]*+>");
    private static final String[] BREAK_NAMES = {"br", "/p", "/div", "/tr", "/li", "/h"};

    private Html() {
    }

    static String toText(String html) {
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        boolean dropped = lower.contains("<style") || lower.contains("<script") || lower.contains("<head");
        String t = dropped ? DROP.matcher(Deadline.guard(html)).replaceAll(" ") : html;
        t = withoutTags(breaks(t));
        return t.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }

    /**
     * {@code BREAK.matcher(text).replaceAll("\n")} in one pass without the regex engine: HTML
     * notices are long, and this and {@link #withoutTags} were the larger part of reading one.
     */
    static String breaks(String text) {
        Deadline.check();
        StringBuilder out = null;
        int from = 0;
        for (int open = text.indexOf('<'); open >= 0; open = text.indexOf('<', open + 1)) {
            int name = breakName(text, open + 1);
            if (name < 0) {
                continue;
            }
            int close = tagEnd(text, name);
            if (close < 0) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, from, open).append('\n');
            from = close + 1;
            open = close;
        }
        return out == null ? text : out.append(text, from, text.length()).toString();
    }

    /** {@code TAG.matcher(text).replaceAll("")} in one pass without the regex engine. */
    static String withoutTags(String text) {
        Deadline.check();
        StringBuilder out = null;
        int from = 0;
        for (int open = text.indexOf('<'); open >= 0; open = text.indexOf('<', open + 1)) {
            int close = tagEnd(text, open + 1);
            if (close < 0) {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length());
            }
            out.append(text, from, open);
            from = close + 1;
            open = close;
        }
        return out == null ? text : out.append(text, from, text.length()).toString();
    }

    /** Where the name of a line-breaking tag starting at {@code at} ends, -1 when there is none. */
    private static int breakName(String text, int at) {
        for (String name : BREAK_NAMES) {
            if (startsWithAsciiIgnoringCase(text, at, name)) {
                if (!name.equals("/h")) {
                    return at + name.length();
                }
                int digit = at + 2;
                if (digit < text.length() && text.charAt(digit) >= '1' && text.charAt(digit) <= '6') {
                    return digit + 1;
                }
            }
        }
        return -1;
    }

    /** As the pattern's {@code (?i)}: ASCII letters only, unlike String.regionMatches. */
    private static boolean startsWithAsciiIgnoringCase(String text, int at, String name) {
        if (at + name.length() > text.length()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = text.charAt(at + i);
            char n = name.charAt(i);
            if (c != n && !(n >= 'a' && n <= 'z' && c == n - 32)) {
                return false;
            }
        }
        return true;
    }

    /** The '&gt;' that ends a run of anything but '&lt;' and '&gt;' from {@code from}, -1 when none. */
    private static int tagEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '>') {
                return i;
            }
            if (c == '<') {
                return -1;
            }
        }
        return -1;
    }
}
