package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class IMailServerTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                        recipient                      status     reply  reason          bounce agent
            row("lhost-imailserver-01.eml", "kijitora@example.com",        "5.0.911", "",    "userunknown",  HARD,  "IMailServer"),
            row("lhost-imailserver-03.eml", "kijitora@neko.example.co.jp", "5.0.911", "",    "userunknown",  HARD,  "IMailServer"),
            row("lhost-imailserver-06.eml", "kijitora@example.jp",         "5.0.980", "550", "spamdetected", SOFT,  "IMailServer"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new IMailServer(), TABLE);
    }
}
