package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class BigfootTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                              recipient               status   reply  reason           bounce agent
            row("lhost-bigfoot-02.eml",           "kijitora@example.org", "5.7.1", "553", "userunknown",   HARD, "Bigfoot"),
            row("synthetic/bigfoot-greeting.eml", "kijitora@example.org", "5.7.1", "553", "securityerror", SOFT, "Bigfoot"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Bigfoot(), TABLE);
    }
}
