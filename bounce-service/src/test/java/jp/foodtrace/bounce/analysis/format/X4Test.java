package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class X4Test {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                        recipient               status     replyreason         bounce agent
            row("lhost-x4-01.eml",          "kijitora@example.com", "5.0.922", "", "mailboxfull", SOFT, "X4"),
            row("synthetic/x4-spanish.eml", "kijitora@example.com", "5.0.922", "", "mailboxfull", SOFT, "X4"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new X4(), TABLE);
    }
}
