package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class BiglobeTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                                  recipient                       status     replyreason         bounce agent
            row("lhost-biglobe-01.eml",               "postmaster@mxr.biglobe.ne.jp", "5.0.922", "", "mailboxfull", SOFT, "Biglobe"),
            row("synthetic/biglobe-user-unknown.eml", "postmaster@mxr.biglobe.ne.jp", "5.0.910", "", "filtered",    SOFT, "Biglobe"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Biglobe(), TABLE);
    }
}
