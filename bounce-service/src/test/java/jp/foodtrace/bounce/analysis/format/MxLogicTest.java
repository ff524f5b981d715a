package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class MxLogicTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                               recipient                 status     reply  reason         bounce agent
            row("lhost-mxlogic-01.eml",            "kijitora@example.co.jp", "5.1.1",   "550", "userunknown", HARD, "MXLogic"),
            row("lhost-mxlogic-03.eml",            "kijitora@example.co.jp", "5.0.910", "550", "filtered",    SOFT, "MXLogic"),
            row("synthetic/mxlogic-mail-from.eml", "kijitora@example.co.jp", "5.0.918", "550", "rejected",    SOFT, "MXLogic"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new MxLogic(), TABLE);
    }
}
