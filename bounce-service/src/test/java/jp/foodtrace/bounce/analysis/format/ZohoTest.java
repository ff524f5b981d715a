package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ZohoTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                 recipient                  status     reply  reason         bounce agent
            row("lhost-zoho-01.eml", "kijitora@example.co.jp",  "5.1.1",   "550", "userunknown", HARD,  "Zoho"),
            row("lhost-zoho-03.eml", "shironeko@example.org",   "5.0.910", "550", "filtered",    SOFT,  "Zoho"),
            row("lhost-zoho-05.eml", "kijitora@7jo.example.jp", "4.0.947", "421", "expired",     SOFT,  "Zoho"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Zoho(), TABLE);
    }
}
