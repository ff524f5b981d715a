package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ActivehunterTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                         recipient               status   reply  reason         bounce agent
            row("lhost-activehunter-01.eml", "kijitora@example.org", "5.1.1", "550", "userunknown", HARD,  "Activehunter"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Activehunter(), TABLE);
    }
}
