package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class CourierTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                                    recipient                 status   reply  reason         bounce agent
            row("lhost-courier-01.eml",                 "kijitora@example.co.jp", "5.1.1", "550", "userunknown", HARD, "Courier"),
            row("lhost-courier-03.eml",                 "kijitora@example.jp",    "5.7.1", "550", "blocked",     SOFT, "Courier"),
            row("synthetic/courier-no-such-domain.eml", "kijitora@example.co.jp", "5.0.0", "550", "hostunknown", HARD, "Courier"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Courier(), TABLE);
    }
}
