package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class McAfeeTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                   recipient                       status     reply  reason         bounce agent
            row("lhost-mcafee-01.eml", "kijitora@example.co.jp",       "5.0.911", "550", "userunknown", HARD,  "McAfee"),
            row("lhost-mcafee-03.eml", "kijitora@example.or.jp",       "5.1.1",   "550", "userunknown", HARD,  "McAfee"),
            row("lhost-mcafee-05.eml", "kijitora-nyaan@example.co.jp", "5.0.911", "550", "userunknown", HARD,  "McAfee"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new McAfee(), TABLE);
    }
}
