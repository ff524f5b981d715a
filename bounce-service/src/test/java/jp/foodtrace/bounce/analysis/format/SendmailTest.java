package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class SendmailTest {
    private static final List<ExpectationRow> TABLE = List.of(
            row("lhost-sendmail-01.eml",   "userunknown@bouncehammer.jp",                                  "5.1.1",    "550",  "userunknown",     HARD, "Sendmail"),
            row("lhost-sendmail-03.eml",   "bounce0@example.org",                                          "5.1.1",    "550",  "userunknown",     HARD, "Sendmail"),
            row("lhost-sendmail-05.eml",   "kijitora@example.org",                                         "5.2.3",    "552",  "exceedlimit",     SOFT, "Sendmail"),
            row("lhost-sendmail-07.eml",   "kijitora@example.org",                                         "5.7.1",    "554",  "norelaying",      SOFT, "Sendmail"),
            row("lhost-sendmail-09.eml",   "kijitora@example.co.jp",                                       "5.7.9",    "554",  "policyviolation", SOFT, "Sendmail"),
            row("lhost-sendmail-11.eml",   "kijitora@example.co.jp",                                       "4.4.7",    "",     "networkerror",    SOFT, "Sendmail"),
            row("lhost-sendmail-13.eml",   "kijitora@example.or.jp",                                       "5.3.0",    "550",  "systemerror",     SOFT, "Sendmail"),
            row("lhost-sendmail-15.eml",   "kijitora@example.org",                                         "5.1.2",    "550",  "hostunknown",     HARD, "Sendmail"),
            row("lhost-sendmail-17.eml",   "kijitora@example.net",                                         "5.1.6",    "",     "hasmoved",        HARD, "Sendmail"),
            row("lhost-sendmail-19.eml",   "kijitora@ntt.example.ne.jp",                                   "5.2.0",    "550",  "filtered",        SOFT, "Sendmail"),
            row("lhost-sendmail-21.eml",   "kijitora@cat.example.ne.jp",                                   "4.4.7",    "",     "blocked",         SOFT, "Sendmail"),
            row("lhost-sendmail-24.eml",   "neko@xn--cesupi09d.jp",                                        "5.1.2",    "550",  "hostunknown",     HARD, "Sendmail"),
            row("lhost-sendmail-26.eml",   "this-local-part-does-not-exist-on-the-system@gol.com",         "5.1.1",    "550",  "userunknown",     HARD, "Sendmail"),
            row("lhost-sendmail-28.eml",   "this-local-part-does-not-exist-on-the-system@uqmobile.jp",     "5.1.1",    "550",  "userunknown",     HARD, "Sendmail"),
            row("lhost-sendmail-30.eml",   "this-local-part-does-not-exist-on-the-system@y-mobile.ne.jp",  "4.4.7",    "421",  "expired",         SOFT, "Sendmail"),
            row("lhost-sendmail-32.eml",   "nyaaan@neko.example.jp",                                       "5.1.1",    "550",  "userunknown",     HARD, "Sendmail"),
            row("lhost-sendmail-34.eml",   "libsisimai@example.jp",                                        "5.7.0",    "552",  "policyviolation", SOFT, "Sendmail"),
            row("lhost-sendmail-36.eml",   "kijitora@nyaan.example.com",                                   "5.7.1",    "550",  "blocked",         SOFT, "Sendmail"),
            row("lhost-sendmail-38.eml",   "kijitora@example.com",                                         "5.7.1",    "550",  "spamdetected",    SOFT, "Sendmail"),
            row("lhost-sendmail-40.eml",   "kijitora@ntt.example.ne.jp",                                   "5.2.0",    "550",  "filtered",        SOFT, "Sendmail"),
            row("lhost-sendmail-42.eml",   "nekochan@libsisimai.org",                                      "5.1.2",    "550",  "hostunknown",     HARD, "Sendmail"),
            row("lhost-sendmail-44.eml",   "kijitora@rokujo.example.jp",                                   "5.6.0",    "552",  "contenterror",    SOFT, "Sendmail"),
            row("lhost-sendmail-46.eml",   "pseudo-local-part-kijitora-nyaaan@laposte.net",                "5.5.0",    "550",  "userunknown",     HARD, "Sendmail"),
            row("lhost-sendmail-48.eml",   "pseudo-local-part-kijitora-nyaan@sfr.fr",                      "5.7.1",    "550",  "filtered",        SOFT, "Sendmail"),
            row("lhost-sendmail-50.eml",   "otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp",               "5.2.0",    "550",  "filtered",        SOFT, "Sendmail"),
            row("lhost-sendmail-52.eml",   "otsu-sakaba-hunter-neko-nyaaaaaaan@au.com",                    "5.1.1",    "550",  "userunknown",     HARD, "Sendmail"),
            row("lhost-sendmail-54.eml",   "kijitora@neko.example.jp",                                     "4.4.7",    "",     "expired",         SOFT, "Sendmail"),
            row("lhost-sendmail-56.eml",   "neko-nyaan@icloud.example.com",                                "5.5.0",    "554",  "blocked",         SOFT, "Sendmail"),
            row("lhost-sendmail-58.eml",   "info@example.jp",                                              "5.7.1",    "550",  "policyviolation", SOFT, "Sendmail"),
            row("lhost-sendmail-60.eml",   "kijitora-cat@google.example.com",                              "5.7.26",   "550",  "blocked",         SOFT, "Sendmail"),
            row("rhost-franceptt-01.eml",  "pseudo-local-part-kijitora-nyaaan@orange.fr",                  "5.1.1",    "550",  "userunknown",     HARD, "Sendmail"),
            row("rhost-godaddy-02.eml",    "kijitora@example.com",                                         "5.1.3",    "553",  "blocked",         SOFT, "Sendmail"),
            row("rhost-google-01.eml",     "shironeko@example.ne.jp",                                      "5.2.1",    "550",  "suspend",         SOFT, "Sendmail"),
            row("rhost-google-07.eml",     "kijitora-cat@google.example.com",                              "5.2.1",    "550",  "filtered",        SOFT, "Sendmail"),
            row("rhost-kddi-01.eml",       "otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp",               "5.2.0",    "550",  "filtered",        SOFT, "Sendmail"),
            row("rhost-microsoft-01.eml",  "kijitora@example.com",                                         "5.7.606",  "550",  "blocked",         SOFT, "Sendmail"),
            row("rhost-nttdocomo-01.eml",  "azumakuniyuki@ntt.docomo.example.ne.jp",                       "5.2.0",    "550",  "filtered",        SOFT, "Sendmail"),
            row("rhost-yahooinc-03.eml",   "this-local-part-does-not-exist@yahoo.com",                     "5.0.0",    "554",  "filtered",        SOFT, "Sendmail"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Sendmail(), TABLE);
    }
}
