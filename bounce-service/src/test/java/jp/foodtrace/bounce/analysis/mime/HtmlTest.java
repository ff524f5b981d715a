package jp.foodtrace.bounce.analysis.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/** The hand-written scans must give exactly what the patterns they replace give. */
class HtmlTest {
    /** Characters that make up tags, near misses and the ASCII-only case rule of (?i). */
    private static final String ALPHABET = "<<>>//bBrRpPdDiIvVtTlLhH1670 x\n\u0130\u0131\u212a";

    @Test
    void breaksAndTagsAsThePatterns() {
        String[] samples = {
            "", "plain", "a<br>b", "a<BR/>b", "<Br class=x>", "</P>", "</pre>", "</div >", "</h1>", "</h7>", "</H6 x>",
            "<br<br>", "<br", "a<b>c</b>d", "<<<>>>", "<brown>", "</li><li>", "<\u0130>", "</d\u0130v>", "<b\u0131>",
            "x<br\n>y", "<tr>", "</tr>", "</TR>", "<p>", "<  br>"
        };
        for (String s : samples) {
            check(s);
        }
        Random random = new Random(42);
        for (int n = 0; n < 20000; n++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(24);
            for (int i = 0; i < length; i++) {
                s.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            check(s.toString());
        }
    }

    private static void check(String s) {
        assertEquals(Html.BREAK.matcher(s).replaceAll("\n"), Html.breaks(s), s);
        assertEquals(Html.TAG.matcher(s).replaceAll(""), Html.withoutTags(s), s);
    }
}
