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
            row("rfc3464-01.eml",               "userunknown@bouncehammer.jp",                                 "5.1.1",   "",    "mailboxfull",     SOFT,  "dovecot"),  // Dovecot's "Not enough disk space" in the notice decides, as in the reference
            row("rfc3464-04.eml",               "kijitora@mailx-53.neko.example.edu",                          "5.5.0",   "554", "mailererror",     SOFT,  "RFC3464"),
            row("rfc3464-07.eml",               "kijitora@example.net",                                        "4.4.0",   "",    "expired",         SOFT,  "RFC3464"),
            row("rfc3464-09.eml",               "kijitora-cat@mx4.gr3.example.jp",                             "4.3.0",   "",    "mailboxfull",     SOFT,  "RFC3464"),
            row("rfc3464-26.eml",               "kijitora@example.or.jp",                                      "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("rfc3464-29.eml",               "kijitora@example.com",                                        "5.5.0",   "503", "syntaxerror",     SOFT,  "RFC3464"),
            row("rfc3464-35.eml",               "kijitora@nyaan.example.com",                                  "5.0.0",   "550", "rejected",        SOFT,  "RFC3464"),
            row("rfc3464-35.eml",               "sabatora@cat.example.net",                                    "4.0.0",   "",    "expired",         SOFT,  "RFC3464"),
            row("rfc3464-35.eml",               "mikeneko@neko.example.or.jp",                                 "5.0.0",   "550", "filtered",        SOFT,  "RFC3464"),
            row("rfc3464-42.eml",               "jane.doe@some-domain.net",                                    "5.0.0",   "",    "filtered",        SOFT,  "RFC3464"),
            row("rhost-apple-01.eml",           "kijitora@example.jp",                                         "5.1.6",   "550", "hasmoved",        HARD,  "RFC3464"),
            row("rhost-microsoft-03.eml",       "kijitora@example.com",                                        "5.1.10",  "550", "userunknown",     HARD,  "RFC3464"),
            row("synthetic/mda-dovecot-unknown.eml","userunknown@bouncehammer.jp",                                 "5.1.1",   "",    "userunknown",     HARD,  "dovecot"),
            row("synthetic/mda-mail-local.eml", "userunknown@bouncehammer.jp",                                 "5.1.1",   "",    "userunknown",     HARD,  "mail.local"),
            row("synthetic/mda-maildrop.eml",   "userunknown@bouncehammer.jp",                                 "5.1.1",   "",    "mailboxfull",     SOFT,  "maildrop"),
            row("synthetic/mda-procmail.eml",   "userunknown@bouncehammer.jp",                                 "5.1.1",   "",    "mailboxfull",     SOFT,  "procmail"),
            row("synthetic/mda-unknown-wording.eml","userunknown@bouncehammer.jp",                                 "5.1.1",   "550", "userunknown",     HARD,  "procmail"),
            row("synthetic/mda-vmailmgr.eml",   "userunknown@bouncehammer.jp",                                 "5.1.1",   "",    "userunknown",     HARD,  "vmailmgr"),
            row("synthetic/mda-vpopmail.eml",   "userunknown@bouncehammer.jp",                                 "5.1.1",   "",    "mailboxfull",     SOFT,  "vpopmail"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Rfc3464(), TABLE);
    }
}
