package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class Exchange2003Test {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                         recipient               status     reply reason         bounce agent
            row("lhost-exchange2003-01.eml", "kijitora@example.jp",  "5.0.911", "",   "userunknown", HARD,  "Exchange2003"),
            row("lhost-exchange2003-03.eml", "kijitora@example.jp",  "5.0.911", "",   "userunknown", HARD,  "Exchange2003"),
            row("lhost-exchange2003-05.eml", "kijitora@example.com", "5.0.911", "",   "userunknown", HARD,  "Exchange2003"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Exchange2003(), TABLE);
    }
}
