package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class X2Test {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file               recipient                 status     reply reason      bounce agent
            row("lhost-x2-01.eml", "kijitora@example.co.jp", "5.0.910", "",   "filtered", SOFT,  "X2"),
            row("lhost-x2-03.eml", "kijitora@example.org",   "5.0.947", "",   "expired",  SOFT,  "X2"),
            row("lhost-x2-05.eml", "kijitora@y.example.com", "4.1.9",   "",   "expired",  SOFT,  "X2"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new X2(), TABLE);
    }
}
