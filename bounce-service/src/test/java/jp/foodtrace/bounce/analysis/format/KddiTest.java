package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class KddiTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                 recipient                             status     reply reason         bounce agent
            row("lhost-kddi-01.eml", "kijitora@x0000000000000.dion.ne.jp", "5.0.922", "",   "mailboxfull", SOFT,  "KDDI"),
            row("lhost-kddi-03.eml", "kijitora@00000000000000.dion.ne.jp", "5.0.922", "",   "mailboxfull", SOFT,  "KDDI"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Kddi(), TABLE);
    }
}
