package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class GmxTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                recipient                 status   reply reason         bounce agent
            row("lhost-gmx-01.eml", "shironeko@example.jp",   "5.2.2", "",   "mailboxfull", SOFT,  "GMX"),
            row("lhost-gmx-03.eml", "mikeneko@example.co.jp", "5.2.1", "",   "userunknown", HARD,  "GMX"),
            row("lhost-gmx-03.eml", "sabineko@example.co.jp", "5.2.2", "",   "mailboxfull", SOFT,  "GMX"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Gmx(), TABLE);
    }
}
