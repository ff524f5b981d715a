package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class X1Test {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                               recipient                 status     replyreason         bounce agent
            row("lhost-x1-01.eml",                 "kijitora@example.co.jp", "5.0.910", "", "filtered",    SOFT, "X1"),
            row("synthetic/x1-two-recipients.eml", "kijitora@example.co.jp", "5.0.910", "", "filtered",    SOFT, "X1"),
            row("synthetic/x1-two-recipients.eml", "sabineko@example.co.jp", "5.0.922", "", "mailboxfull", SOFT, "X1"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new X1(), TABLE);
    }
}
