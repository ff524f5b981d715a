package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class DominoTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                   recipient                    status     reply reason          bounce agent
            row("lhost-domino-01.eml", "kijitora@example.jp",       "5.0.911", "",   "userunknown",  HARD,  "Domino"),
            row("lhost-domino-03.eml", "kijitora@neko.example.com", "5.0.0",   "",   "networkerror", SOFT,  "Domino"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Domino(), TABLE);
    }
}
