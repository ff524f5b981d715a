package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class InterScanMssTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                       recipient                 status     reply  reason         bounce agent
            row("lhost-trendmicro-01.eml", "kijitora@example.co.jp", "5.1.1",   "550", "userunknown", HARD,  "InterScanMSS"),
            row("lhost-trendmicro-03.eml", "kijitora@example.jp",    "5.0.911", "",    "userunknown", HARD,  "InterScanMSS"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new InterScanMss(), TABLE);
    }
}
