package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class AmazonWorkMailTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                           recipient                          status   reply  reason         bounce agent
            row("lhost-amazonworkmail-01.eml", "kijitora@example.jp",             "5.1.1", "550", "userunknown", HARD, "AmazonWorkMail"),
            row("lhost-amazonworkmail-03.eml", "kuroneko@example.org",            "5.3.5", "550", "systemerror", SOFT, "AmazonWorkMail"),
            row("lhost-amazonworkmail-05.eml", "sabatora@example.libsisimai.org", "4.4.7", "421", "expired",     SOFT, "AmazonWorkMail"),
            row("lhost-amazonworkmail-08.eml", "kijitora@libsisimai.org",         "5.2.2", "550", "mailboxfull", SOFT, "AmazonWorkMail"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new AmazonWorkMail(), TABLE);
    }
}
