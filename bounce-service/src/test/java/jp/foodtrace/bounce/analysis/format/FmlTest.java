package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class FmlTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                recipient                 status     reply reason      bounce agent
            row("lhost-fml-02.eml", "neko-nyaan@example.org", "5.0.918", "",   "rejected", SOFT,  "FML"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Fml(), TABLE);
    }
}
