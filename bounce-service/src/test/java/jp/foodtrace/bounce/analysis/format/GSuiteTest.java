package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class GSuiteTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                   recipient                                         status   reply  reason          bounce agent
            row("rfc3464-51.eml",      "kijitora@example.de",                            "5.1.0", "550", "userunknown",  HARD,  "GSuite"),
            row("rfc3464-53.eml",      "sironeko@example.jp",                            "4.0.0", "",    "networkerror", SOFT,  "GSuite"),
            row("rfc3464-55.eml",      "sotoneko@nora.nyaan.jp",                         "4.4.1", "",    "expired",      SOFT,  "GSuite"),
            row("rfc3464-57.eml",      "otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp", "5.0.0", "550", "filtered",     SOFT,  "GSuite"),
            row("rfc3464-59.eml",      "neko@libsisimai.org",                            "4.0.0", "",    "notaccept",    SOFT,  "GSuite"),
            row("rfc3464-61.eml",      "kijitora@example.com",                           "5.0.0", "",    "spamdetected", SOFT,  "GSuite"),
            row("rfc3464-63.eml",      "libsisimai-2@googlegroups.com",                  "5.1.1", "550", "userunknown",  HARD,  "GSuite"),
            row("rfc3464-65.eml",      "kijitora@example.it",                            "5.0.0", "",    "userunknown",  HARD,  "GSuite"),
            row("rhost-gsuite-01.eml", "kijitora@example.de",                            "5.1.0", "550", "userunknown",  HARD,  "GSuite"),
            row("rhost-gsuite-03.eml", "neko@libsisimai.org",                            "4.0.0", "",    "notaccept",    SOFT,  "GSuite"),
            row("rhost-gsuite-05.eml", "sotoneko@haineko.org",                           "4.0.0", "",    "networkerror", SOFT,  "GSuite"),
            row("rhost-gsuite-07.eml", "siro@neko1.nyaan.jp",                            "4.4.1", "",    "expired",      SOFT,  "GSuite"),
            row("rhost-gsuite-09.eml", "otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp", "5.0.0", "550", "userunknown",  HARD,  "GSuite"),
            row("rhost-gsuite-11.eml", "kijitora@example.jp",                            "5.1.8", "501", "rejected",     SOFT,  "GSuite"),
            row("rhost-gsuite-13.eml", "nekonyaan@gmal.com",                             "4.0.0", "",    "networkerror", SOFT,  "GSuite"),
            row("rhost-gsuite-15.eml", "maildebug@example.jpn",                          "4.0.0", "",    "networkerror", SOFT,  "GSuite"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new GSuite(), TABLE);
    }
}
