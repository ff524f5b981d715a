package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class PowerMtaTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                     recipient                  status   reply  reason         bounce agent
            row("lhost-powermta-01.eml", "kijitora@example.jp",     "5.2.1", "550", "userunknown", HARD,  "PowerMTA"),
            row("lhost-powermta-03.eml", "kijitora@libsisimai.org", "5.2.1", "550", "userunknown", HARD,  "PowerMTA"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new PowerMta(), TABLE);
    }
}
