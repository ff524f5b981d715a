package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class GmailTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                  recipient                        status     reply  reason         bounce agent
            row("lhost-gmail-01.eml", "userunknown@example.jp",        "5.1.1",   "550", "userunknown", HARD,  "Gmail"),
            row("lhost-gmail-04.eml", "kijitora@example.com",          "5.7.1",   "554", "blocked",     SOFT,  "Gmail"),
            row("lhost-gmail-06.eml", "kijitora@example.jp",           "4.2.2",   "450", "mailboxfull", SOFT,  "Gmail"),
            row("lhost-gmail-08.eml", "kijitora@example.com",          "5.0.947", "",    "expired",     SOFT,  "Gmail"),
            row("lhost-gmail-10.eml", "kijitora@6jo.example.co.jp",    "5.0.947", "",    "expired",     SOFT,  "Gmail"),
            row("lhost-gmail-15.eml", "mikeneko@libsisimai.org",       "5.0.947", "",    "expired",     SOFT,  "Gmail"),
            row("lhost-gmail-17.eml", "mikeneko@libsisimai.org",       "4.0.947", "",    "expired",     SOFT,  "Gmail"),
            row("lhost-gmail-19.eml", "neko-nyaan@google.example.com", "5.0.922", "",    "mailboxfull", SOFT,  "Gmail"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Gmail(), TABLE);
    }
}
