package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class EximTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                      recipient                                         status     reply  reason             bounce agent
            row("lhost-exim-01.eml",      "kijitora@example.ed.jp",                         "5.7.0",   "550", "blocked",         SOFT,  "Exim"),
            row("lhost-exim-03.eml",      "kijitora@example.or.jp",                         "5.7.0",   "554", "policyviolation", SOFT,  "Exim"),
            row("lhost-exim-05.eml",      "kijitora@neko.example.co.jp",                    "5.1.1",   "553", "userunknown",     HARD,  "Exim"),
            row("lhost-exim-07.eml",      "shiba@example.com",                              "4.0.922", "",    "mailboxfull",     SOFT,  "Exim"),
            row("lhost-exim-29.eml",      "kijitora@example.co.jp",                         "5.0.0",   "550", "blocked",         SOFT,  "Exim"),
            row("lhost-exim-31.eml",      "kijitora@example.net",                           "5.0.912", "",    "hostunknown",     HARD,  "Exim"),
            row("lhost-exim-33.eml",      "pseudo-local-part-kijitora-nyaan@comcast.net",   "5.0.971", "554", "blocked",         SOFT,  "Exim"),
            row("lhost-exim-35.eml",      "kijitora@example.com",                           "5.0.971", "550", "blocked",         SOFT,  "Exim"),
            row("lhost-exim-37.eml",      "kijitora@example.net",                           "5.0.912", "553", "hostunknown",     HARD,  "Exim"),
            row("lhost-exim-39.eml",      "kijitora@example.net",                           "5.0.971", "550", "blocked",         SOFT,  "Exim"),
            row("lhost-exim-41.eml",      "kijitora@example.net",                           "4.0.901", "450", "blocked",         SOFT,  "Exim"),
            row("lhost-exim-43.eml",      "kijitora@example.net",                           "5.7.1",   "550", "rejected",        SOFT,  "Exim"),
            row("lhost-exim-45.eml",      "kijitora@example.com",                           "5.2.0",   "550", "rejected",        SOFT,  "Exim"),
            row("lhost-exim-47.eml",      "kijitora@example.net",                           "5.0.971", "550", "blocked",         SOFT,  "Exim"),
            row("lhost-exim-49.eml",      "kijitora@example.com",                           "5.0.0",   "550", "blocked",         SOFT,  "Exim"),
            row("lhost-exim-51.eml",      "kijitora@example.org",                           "5.1.0",   "553", "rejected",        SOFT,  "Exim"),
            row("lhost-exim-53.eml",      "kijitora@example.com",                           "5.0.939", "",    "mailererror",     SOFT,  "Exim"),
            row("lhost-exim-55.eml",      "kijitora@example.com",                           "5.7.0",   "554", "spamdetected",    SOFT,  "Exim"),
            row("lhost-exim-57.eml",      "kijitora@example.com",                           "5.0.918", "",    "rejected",        SOFT,  "Exim"),
            row("lhost-exim-59.eml",      "kijitora@icloud.example.com",                    "5.1.1",   "550", "userunknown",     HARD,  "Exim"),
            row("lhost-exim-61.eml",      "xxxx@xxxx.net",                                  "5.1.1",   "550", "userunknown",     HARD,  "Exim"),
            row("rhost-franceptt-03.eml", "pseudo-local-part-kijitora@wanadoo.fr",          "5.2.0",   "550", "spamdetected",    SOFT,  "Exim"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Exim(), TABLE);
    }
}
