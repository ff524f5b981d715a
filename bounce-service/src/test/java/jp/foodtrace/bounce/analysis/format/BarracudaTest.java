package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class BarracudaTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                      recipient               status   reply  reason          bounce agent
            row("lhost-barracuda-01.eml", "kijitora@example.org", "5.7.1", "550", "spamdetected", SOFT, "Barracuda"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Barracuda(), TABLE);
    }
}
