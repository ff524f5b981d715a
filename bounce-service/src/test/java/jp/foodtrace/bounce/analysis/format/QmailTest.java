package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class QmailTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                  recipient                                             status     reply  reason             bounce agent
            row("lhost-qmail-01.eml", "kijitora@example.ne.jp",                             "5.5.0",   "550", "userunknown",     HARD,  "qmail"),
            row("lhost-qmail-03.eml", "kijitora@example.org",                               "5.7.1",   "550", "rejected",        SOFT,  "qmail"),
            row("lhost-qmail-05.eml", "kijitora@example.net",                               "4.4.3",   "",    "systemerror",     SOFT,  "qmail"),
            row("lhost-qmail-07.eml", "kijitora@example.jp",                                "4.4.1",   "",    "networkerror",    SOFT,  "qmail"),
            row("lhost-qmail-09.eml", "neko@example.co.jp",                                 "5.7.606", "550", "blocked",         SOFT,  "qmail"),
            row("lhost-qmail-11.eml", "neko@nyaan.jp",                                      "5.4.4",   "",    "hostunknown",     HARD,  "qmail"),
            row("lhost-qmail-13.eml", "nekochan@cx.libsisimai.com",                         "5.1.2",   "",    "hostunknown",     HARD,  "qmail"),
            row("lhost-qmail-15.eml", "pseudo-local-part-of-microsoft-outlook@outlook.com", "5.7.509", "550", "policyviolation", SOFT,  "qmail"),
            row("lhost-qmail-17.eml", "userunknown@libsisimai.net",                         "5.1.1",   "550", "userunknown",     HARD,  "qmail"),
            row("lhost-qmail-17.eml", "mailboxfull@libsisimai.net",                         "5.2.2",   "552", "mailboxfull",     SOFT,  "qmail"),
            row("lhost-qmail-19.eml", "pseudo-local-part-of-yahoo-inc@yahoo.com",           "4.7.0",   "421", "rejected",        SOFT,  "qmail"),
            row("lhost-qmail-21.eml", "libgsasl7-dev@email.example.jp",                     "5.1.1",   "",    "userunknown",     HARD,  "qmail"),
            row("lhost-qmail-23.eml", "userunknown@libsisimai.net",                         "5.1.1",   "550", "userunknown",     HARD,  "qmail"),
            row("lhost-qmail-25.eml", "mailboxfull@libsisimai.net",                         "5.2.2",   "552", "mailboxfull",     SOFT,  "qmail"),
            row("lhost-qmail-25.eml", "userunknown@libsisimai.net",                         "5.1.1",   "550", "userunknown",     HARD,  "qmail"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Qmail(), TABLE);
    }
}
