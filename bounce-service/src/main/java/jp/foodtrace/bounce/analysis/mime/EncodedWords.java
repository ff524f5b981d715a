package jp.foodtrace.bounce.analysis.mime;

import java.nio.charset.Charset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.foodtrace.bounce.analysis.Deadline;

/** RFC 2047 encoded words in header values, e.g. {@code =?ISO-2022-JP?B?...?=}. */
public final class EncodedWords {
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]+)\\?([BbQq])\\?([^?\\s]*)\\?=");
    private static final Pattern BETWEEN_WORDS = Pattern.compile("(\\?=)\\s+(=\\?)");

    private EncodedWords() {
    }

    public static String decode(String value) {
        if (value.indexOf("=?") < 0) {
            return value;
        }
        String joined = BETWEEN_WORDS.matcher(Deadline.guard(value)).replaceAll("$1$2");
        Matcher m = WORD.matcher(Deadline.guard(joined));
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String text;
            try {
                Charset cs = Charsets.forName(m.group(1));
                byte[] bytes = m.group(2).equalsIgnoreCase("B")
                        ? TransferEncoding.base64(m.group(3))
                        : TransferEncoding.quotedPrintable(m.group(3).replace('_', ' '));
                text = Charsets.decode(bytes, cs);
            } catch (RuntimeException e) {
                text = m.group();
            }
            m.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        m.appendTail(out);
        return out.toString();
    }
}
