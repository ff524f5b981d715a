package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class YahooTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                  recipient                                         status     reply  reason         bounce agent
            row("lhost-yahoo-01.eml", "kijitora@example.org",                           "5.1.1",   "550", "userunknown", HARD,  "Yahoo"),
            row("lhost-yahoo-03.eml", "kijitora@example.jp",                            "5.1.1",   "550", "userunknown", HARD,  "Yahoo"),
            row("lhost-yahoo-05.eml", "kijitora@example.co.jp",                         "5.2.1",   "550", "userunknown", HARD,  "Yahoo"),
            row("lhost-yahoo-07.eml", "otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp", "5.0.911", "550", "userunknown", HARD,  "Yahoo"),
            row("lhost-yahoo-09.eml", "neko@libsisimai.org",                            "5.0.932", "",    "notaccept",   HARD,  "Yahoo"),
            row("lhost-yahoo-11.eml", "kijitora@example.jp",                            "5.1.8",   "501", "rejected",    SOFT,  "Yahoo"),
            row("lhost-yahoo-13.eml", "neko@sijo.example.jp",                           "5.0.947", "",    "expired",     SOFT,  "Yahoo"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Yahoo(), TABLE);
    }
}
