package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class MFilterTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                    recipient                 status     reply  reason        bounce agent
            row("lhost-mfilter-01.eml", "kijitora@example.com",   "5.0.910", "550", "filtered",   SOFT,  "mFILTER"),
            row("lhost-mfilter-03.eml", "kijitora@example.org",   "5.0.910", "550", "filtered",   SOFT,  "mFILTER"),
            row("lhost-mfilter-05.eml", "kijitora@example.co.jp", "4.3.1",   "452", "systemfull", SOFT,  "mFILTER"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new MFilter(), TABLE);
    }
}
