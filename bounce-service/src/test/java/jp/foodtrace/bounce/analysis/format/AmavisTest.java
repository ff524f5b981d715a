package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class AmavisTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                               recipient               status   reply  reason           bounce agent
            row("lhost-amavis-01.eml",             "neko@example.co.jp",   "5.1.1", "550", "userunknown",   HARD, "Amavis"),
            row("lhost-amavis-03.eml",             "kijitora@example.com", "5.7.0", "554", "spamdetected",  SOFT, "Amavis"),
            row("synthetic/amavis-bad-header.eml", "kijitora@example.com", "5.6.0", "554", "contenterror",  SOFT, "Amavis"),
            row("synthetic/amavis-infected.eml",   "kijitora@example.com", "5.7.0", "554", "virusdetected", SOFT, "Amavis"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Amavis(), TABLE);
    }
}
