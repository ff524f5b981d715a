package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class VerizonTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                    recipient                status     reply reason         bounce agent
            row("lhost-verizon-01.eml", "0000000000@vzwpix.com", "5.0.911", "",   "userunknown", HARD,  "Verizon"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Verizon(), TABLE);
    }
}
