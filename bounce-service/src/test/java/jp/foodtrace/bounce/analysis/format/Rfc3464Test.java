package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class Rfc3464Test {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                            recipient                                                      status     reply  reason             bounce agent
            row("lhost-amavis-01.eml",          "neko@example.co.jp",                                          "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("lhost-amavis-03.eml",          "kijitora@example.com",                                        "5.7.0",   "554", "spamdetected",    SOFT,  "RFC3464"),
            row("lhost-amazonworkmail-01.eml",  "kijitora@example.jp",                                         "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("lhost-amazonworkmail-03.eml",  "kuroneko@example.org",                                        "5.3.5",   "550", "systemerror",     SOFT,  "RFC3464"),
            row("lhost-amazonworkmail-05.eml",  "sabatora@example.libsisimai.org",                             "4.4.7",   "",    "expired",         SOFT,  "RFC3464"),  // reference: reply 421
            row("lhost-amazonworkmail-08.eml",  "kijitora@libsisimai.org",                                     "5.2.2",   "550", "mailboxfull",     SOFT,  "RFC3464"),
            row("lhost-barracuda-01.eml",       "kijitora@example.org",                                        "5.7.1",   "550", "spamdetected",    SOFT,  "RFC3464"),
            row("lhost-bigfoot-02.eml",         "kijitora@example.org",                                        "5.7.1",   "553", "userunknown",     HARD,  "RFC3464"),
            row("lhost-courier-01.eml",         "kijitora@example.co.jp",                                      "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("lhost-courier-03.eml",         "kijitora@example.jp",                                         "5.7.1",   "550", "blocked",         SOFT,  "RFC3464"),
            row("lhost-messagingserver-01.eml", "kijitora@example.jp",                                         "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("lhost-messagingserver-03.eml", "sabineko@example.org",                                        "5.7.1",   "550", "filtered",        SOFT,  "RFC3464"),
            row("lhost-messagingserver-03.eml", "mikeneko@example.org",                                        "5.7.1",   "550", "filtered",        SOFT,  "RFC3464"),
            row("lhost-messagingserver-05.eml", "kijitora@example.jp",                                         "5.4.4",   "",    "hostunknown",     HARD,  "RFC3464"),
            row("lhost-messagingserver-07.eml", "kijitora@2jo.example.jp",                                     "4.4.7",   "",    "expired",         SOFT,  "RFC3464"),
            row("lhost-messagingserver-09.eml", "otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp",              "5.0.0",   "550", "userunknown",     HARD,  "RFC3464"),
            row("lhost-messagingserver-11.eml", "kijitora@example.jp",                                         "5.1.8",   "501", "rejected",        SOFT,  "RFC3464"),
            row("lhost-sendgrid-01.eml",        "kijitora@example.jp",                                         "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("lhost-sendgrid-03.eml",        "kijitora@example.org",                                        "5.0.947", "",    "expired",         SOFT,  "RFC3464"),
            row("lhost-surfcontrol-01.eml",     "kijitora@example.com",                                        "5.0.0",   "550", "filtered",        SOFT,  "RFC3464"),
            row("lhost-surfcontrol-03.eml",     "kijitora@example.net",                                        "5.0.0",   "554", "systemerror",     SOFT,  "RFC3464"),
            row("lhost-yandex-01.eml",          "kijitora@example.jp",                                         "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("lhost-yandex-03.eml",          "kijitora@6jo.example.jp",                                     "4.4.1",   "",    "expired",         SOFT,  "RFC3464"),
            row("rfc3464-01.eml",               "userunknown@bouncehammer.jp",                                 "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),  // reference: mailboxfull, no reply code
            row("rfc3464-04.eml",               "kijitora@mailx-53.neko.example.edu",                          "5.5.0",   "554", "mailererror",     SOFT,  "RFC3464"),
            row("rfc3464-07.eml",               "kijitora@example.net",                                        "4.4.0",   "",    "expired",         SOFT,  "RFC3464"),
            row("rfc3464-09.eml",               "kijitora-cat@mx4.gr3.example.jp",                             "4.3.0",   "",    "mailboxfull",     SOFT,  "RFC3464"),
            row("rfc3464-26.eml",               "kijitora@example.or.jp",                                      "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("rfc3464-29.eml",               "kijitora@example.com",                                        "5.5.0",   "503", "syntaxerror",     SOFT,  "RFC3464"),
            row("rfc3464-35.eml",               "kijitora@nyaan.example.com",                                  "5.0.0",   "550", "rejected",        SOFT,  "RFC3464"),
            row("rfc3464-35.eml",               "sabatora@cat.example.net",                                    "4.0.0",   "",    "expired",         SOFT,  "RFC3464"),
            row("rfc3464-35.eml",               "mikeneko@neko.example.or.jp",                                 "5.0.0",   "550", "filtered",        SOFT,  "RFC3464"),
            row("rfc3464-42.eml",               "jane.doe@some-domain.net",                                    "5.0.0",   "",    "filtered",        SOFT,  "RFC3464"),
            row("rhost-aol-01.eml",             "kijitora@example.jp",                                         "5.4.4",   "",    "hostunknown",     HARD,  "RFC3464"),
            row("rhost-aol-03.eml",             "sabineko@example.jp",                                         "5.2.2",   "550", "mailboxfull",     SOFT,  "RFC3464"),
            row("rhost-aol-03.eml",             "mikeneko@example.jp",                                         "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("rhost-aol-05.eml",             "nyan@haineko.org",                                            "5.4.4",   "",    "hostunknown",     HARD,  "RFC3464"),
            row("rhost-apple-01.eml",           "kijitora@example.jp",                                         "5.1.6",   "550", "hasmoved",        HARD,  "RFC3464"),
            row("rhost-microsoft-03.eml",       "kijitora@example.com",                                        "5.1.10",  "550", "userunknown",     HARD,  "RFC3464"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Rfc3464(), TABLE);
    }
}
