package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class X3Test {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file               recipient                 status   reply  reason         bounce agent
            row("lhost-x3-01.eml", "kijitora@example.com",   "5.3.0", "553", "userunknown", HARD,  "X3"),
            row("lhost-x3-03.eml", "kijitora@example.co.jp", "5.3.0", "553", "userunknown", HARD,  "X3"),
            row("lhost-x3-06.eml", "xxxx@xxxx.net",          "5.2.2", "552", "mailboxfull", SOFT,  "X3"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new X3(), TABLE);
    }
}
