package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class X5Test {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file               recipient                    status   reply  reason         bounce agent
            row("lhost-x5-01.eml", "kijitora@neko.example.org", "5.1.1", "550", "userunknown", HARD, "X5"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new X5(), TABLE);
    }
}
