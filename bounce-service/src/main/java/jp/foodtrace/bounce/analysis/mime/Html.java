package jp.foodtrace.bounce.analysis.mime;

import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;

/** Enough HTML-to-text for bounce notices that come only as HTML. */
final class Html {
    private static final Pattern DROP = Pattern.compile("(?is)<(style|script|head)[^<>]*+>.*?</\\1>");
    private static final Pattern BREAK = Pattern.compile("(?i)<(br|/p|/div|/tr|/li|/h[1-6])[^<>]*+>");
    /** A tag ends at its '&gt;' or gives up at the next '&lt;': each character is read once, even in "&lt;&lt;&lt;&lt;...". */
    private static final Pattern TAG = Pattern.compile("<[^<>]*+>");

    private Html() {
    }

    static String toText(String html) {
        String lower = html.toLowerCase(java.util.Locale.ROOT);
        boolean dropped = lower.contains("<style") || lower.contains("<script") || lower.contains("<head");
        String t = dropped ? DROP.matcher(Deadline.guard(html)).replaceAll(" ") : html;
        t = BREAK.matcher(Deadline.guard(t)).replaceAll("\n");
        t = TAG.matcher(Deadline.guard(t)).replaceAll("");
        return t.replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&");
    }
}
