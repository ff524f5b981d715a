package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class X6Test {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file               recipient                     status   reply  reason          bounce agent
            row("lhost-x6-01.eml", "kijitora@nyaan.example.org", "5.4.6", "554", "networkerror", SOFT,  "X6"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new X6(), TABLE);
    }
}
