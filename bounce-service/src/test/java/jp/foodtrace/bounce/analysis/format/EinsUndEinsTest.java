package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class EinsUndEinsTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                        recipient               status     reply reason        bounce agent
            row("lhost-einsundeins-02.eml", "kijitora@example.org", "5.0.934", "",   "mesgtoobig", SOFT,  "EinsUndEins"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new EinsUndEins(), TABLE);
    }
}
