package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.NONE;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class Rfc3834Test {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file              recipient                     status reply reason      bounce agent
            row("arf-26.eml",     "example@icloud.com",         "",    "",   "vacation", NONE,  "RFC3834"),
            row("rfc3834-01.eml", "kijitora@example.net",       "",    "",   "vacation", NONE,  "RFC3834"),
            row("rfc3834-03.eml", "kijitora@apple.example.com", "",    "",   "vacation", NONE,  "RFC3834"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Rfc3834(), TABLE);
    }
}
