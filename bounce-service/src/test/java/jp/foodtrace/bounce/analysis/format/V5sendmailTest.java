package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class V5sendmailTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                       recipient                 status     reply  reason         bounce agent
            row("lhost-v5sendmail-01.eml", "kijitora@example.com",   "5.0.947", "",    "expired",     SOFT,  "V5sendmail"),
            row("lhost-v5sendmail-03.eml", "kijitora@example.org",   "5.0.911", "550", "userunknown", HARD,  "V5sendmail"),
            row("lhost-v5sendmail-05.eml", "kijitora@example.edu",   "5.0.971", "550", "blocked",     SOFT,  "V5sendmail"),
            row("lhost-v5sendmail-05.eml", "kuroneko@example.or.jp", "5.0.912", "550", "hostunknown", HARD,  "V5sendmail"),
            row("lhost-v5sendmail-05.eml", "kijitora@example.org",   "5.0.912", "550", "hostunknown", HARD,  "V5sendmail"),
            row("lhost-v5sendmail-05.eml", "mikeneko@example.co.jp", "5.0.911", "550", "userunknown", HARD,  "V5sendmail"),
            row("lhost-v5sendmail-07.eml", "kijitora@example.org",   "5.0.971", "501", "blocked",     SOFT,  "V5sendmail"),
            row("lhost-v5sendmail-07.eml", "mikeneko@example.org",   "5.0.912", "550", "hostunknown", HARD,  "V5sendmail"),
            row("lhost-v5sendmail-07.eml", "hachiware@example.edu",  "5.0.911", "550", "userunknown", HARD,  "V5sendmail"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new V5sendmail(), TABLE);
    }
}
