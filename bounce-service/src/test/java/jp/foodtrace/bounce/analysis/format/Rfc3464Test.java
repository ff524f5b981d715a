package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.noRecipient;
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
            row("lhost-postfix-01.eml",         "r@p351355.pool.example.ne.jp",                                "5.1.1",   "",    "mailererror",     SOFT,  "RFC3464"),
            row("lhost-postfix-03.eml",         "kijitora@example.net",                                        "5.0.0",   "550", "filtered",        SOFT,  "RFC3464"),
            row("lhost-postfix-05.eml",         "kijitora@example.org",                                        "4.1.1",   "450", "userunknown",     HARD,  "RFC3464"),
            row("lhost-postfix-09.eml",         "kijitora@example.ne.jp",                                      "4.3.2",   "452", "toomanyconn",     SOFT,  "RFC3464"),
            row("lhost-postfix-11.eml",         "kijitora@example.jp",                                         "5.1.8",   "553", "rejected",        SOFT,  "RFC3464"),
            row("lhost-postfix-11.eml",         "noraneko@example.jp",                                         "5.1.8",   "553", "rejected",        SOFT,  "RFC3464"),
            row("lhost-postfix-14.eml",         "kijitora@2jo.example.jp",                                     "5.1.1",   "",    "mailererror",     SOFT,  "RFC3464"),  // reference: userunknown
            row("lhost-postfix-16.eml",         "kijitora@example.go.jp",                                      "5.1.6",   "550", "hasmoved",        HARD,  "RFC3464"),
            row("lhost-postfix-28.eml",         "kijitora@gmail.example.com",                                  "5.7.1",   "550", "policyviolation", SOFT,  "RFC3464"),
            row("lhost-postfix-30.eml",         "kijitora@example.br",                                         "5.4.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("lhost-postfix-32.eml",         "\"neko....nyaan....\"@libsisimai.org",                        "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("lhost-postfix-36.eml",         "otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp",              "5.0.0",   "550", "userunknown",     HARD,  "RFC3464"),
            row("lhost-postfix-38.eml",         "kijitora@example.org",                                        "4.0.0",   "",    "blocked",         SOFT,  "RFC3464"),
            row("lhost-postfix-40.eml",         "kijitora@example.com",                                        "4.0.0",   "451", "systemerror",     SOFT,  "RFC3464"),
            row("lhost-postfix-42.eml",         "kijitora@example.com",                                        "5.0.0",   "550", "policyviolation", SOFT,  "RFC3464"),
            row("lhost-postfix-44.eml",         "kijitora@example.jp",                                         "5.7.1",   "501", "norelaying",      SOFT,  "RFC3464"),
            row("lhost-postfix-46.eml",         "neko-nyaan@ne.auone-net.jp",                                  "5.0.0",   "550", "onhold",          SOFT,  "RFC3464"),  // reference: userunknown
            row("lhost-postfix-48.eml",         "neko-nyaan@ntt.example.net",                                  "5.0.0",   "552", "toomanyconn",     SOFT,  "RFC3464"),
            row("lhost-postfix-50.eml",         "soto-neko-nyaan@ntt.example.com",                             "4.0.0",   "421", "blocked",         SOFT,  "RFC3464"),
            row("lhost-postfix-52.eml",         "kijitora@example.co.jp",                                      "5.0.0",   "554", "suspend",         SOFT,  "RFC3464"),
            row("lhost-postfix-54.eml",         "neko-nyaan@example.ne.jp",                                    "5.7.1",   "550", "securityerror",   SOFT,  "RFC3464"),  // reference: rejected
            row("lhost-postfix-56.eml",         "nyaan@qq.example.com",                                        "4.4.2",   "",    "mailererror",     SOFT,  "RFC3464"),  // reference: networkerror
            row("lhost-postfix-58.eml",         "neko-1718501322@gmail.com",                                   "5.7.1",   "550", "blocked",         SOFT,  "RFC3464"),
            row("lhost-postfix-60.eml",         "neko@mail.example.jp",                                        "4.0.0",   "",    "blocked",         SOFT,  "RFC3464"),
            row("lhost-postfix-62.eml",         "nyaan@libsisimai.org",                                        "5.0.0",   "550", "virusdetected",   SOFT,  "RFC3464"),
            row("lhost-postfix-66.eml",         "kijitora@aol.example.jp",                                     "5.7.9",   "554", "policyviolation", SOFT,  "RFC3464"),
            row("lhost-postfix-68.eml",         "kijitora@yahoo.example.co.jp",                                "5.0.0",   "554", "policyviolation", SOFT,  "RFC3464"),
            row("lhost-postfix-70.eml",         "kijitora@google.example.com",                                 "5.7.26",  "550", "blocked",         SOFT,  "RFC3464"),
            row("lhost-postfix-72.eml",         "kijitora@mail.example.ru",                                    "5.7.1",   "550", "policyviolation", SOFT,  "RFC3464"),
            row("lhost-postfix-74.eml",         "kijitora@y.example.ca",                                       "4.7.0",   "421", "blocked",         SOFT,  "RFC3464"),
            row("lhost-postfix-76.eml",         "this-local-part-does-not-exist@rakumail.jp",                  "5.0.0",   "550", "userunknown",     HARD,  "RFC3464"),
            row("lhost-postfix-78.eml",         "postmaster@libsisimai.org",                                   "5.0.0",   "554", "systemerror",     SOFT,  "RFC3464"),
            row("lhost-postfix-80.eml",         "xxxx@xxxx.com",                                               "5.1.0",   "550", "userunknown",     HARD,  "RFC3464"),
            row("lhost-sendgrid-01.eml",        "kijitora@example.jp",                                         "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("lhost-sendgrid-03.eml",        "kijitora@example.org",                                        "5.0.947", "",    "expired",         SOFT,  "RFC3464"),
            row("lhost-sendmail-01.eml",        "userunknown@bouncehammer.jp",                                 "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("lhost-sendmail-03.eml",        "bounce0@example.org",                                         "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("lhost-sendmail-05.eml",        "kijitora@example.org",                                        "5.2.3",   "552", "exceedlimit",     SOFT,  "RFC3464"),
            row("lhost-sendmail-07.eml",        "kijitora@example.org",                                        "5.7.1",   "554", "norelaying",      SOFT,  "RFC3464"),
            row("lhost-sendmail-09.eml",        "kijitora@example.co.jp",                                      "5.7.9",   "554", "policyviolation", SOFT,  "RFC3464"),
            row("lhost-sendmail-11.eml",        "kijitora@example.co.jp",                                      "4.4.7",   "",    "networkerror",    SOFT,  "RFC3464"),
            row("lhost-sendmail-13.eml",        "kijitora@example.or.jp",                                      "5.3.0",   "",    "mailererror",     SOFT,  "RFC3464"),  // reference: systemerror, reply 550
            noRecipient("lhost-sendmail-15.eml"),                                                                                                                       // reference: kijitora@example.org, hostunknown, 5.1.2, reply 550
            row("lhost-sendmail-17.eml",        "kijitora@example.net",                                        "5.1.6",   "551", "hasmoved",        HARD,  "RFC3464"),  // reference: no reply code
            row("lhost-sendmail-19.eml",        "kijitora@ntt.example.ne.jp",                                  "5.2.0",   "550", "filtered",        SOFT,  "RFC3464"),
            row("lhost-sendmail-21.eml",        "kijitora@cat.example.ne.jp",                                  "4.4.7",   "",    "blocked",         SOFT,  "RFC3464"),
            row("lhost-sendmail-24.eml",        "neko@xn--cesupi09d.jp",                                       "5.1.2",   "550", "hostunknown",     HARD,  "RFC3464"),
            row("lhost-sendmail-26.eml",        "this-local-part-does-not-exist-on-the-system@gol.com",        "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("lhost-sendmail-28.eml",        "this-local-part-does-not-exist-on-the-system@uqmobile.jp",    "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("lhost-sendmail-30.eml",        "this-local-part-does-not-exist-on-the-system@y-mobile.ne.jp", "4.4.7",   "",    "expired",         SOFT,  "RFC3464"),  // reference: reply 421
            row("lhost-sendmail-32.eml",        "nyaaan@neko.example.jp",                                      "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("lhost-sendmail-34.eml",        "libsisimai@example.jp",                                       "5.7.0",   "552", "policyviolation", SOFT,  "RFC3464"),
            row("lhost-sendmail-36.eml",        "kijitora@nyaan.example.com",                                  "5.7.1",   "550", "blocked",         SOFT,  "RFC3464"),
            row("lhost-sendmail-38.eml",        "kijitora@example.com",                                        "5.7.1",   "550", "spamdetected",    SOFT,  "RFC3464"),
            row("lhost-sendmail-40.eml",        "kijitora@ntt.example.ne.jp",                                  "5.2.0",   "550", "filtered",        SOFT,  "RFC3464"),
            row("lhost-sendmail-42.eml",        "nekochan@libsisimai.org",                                     "5.1.2",   "550", "hostunknown",     HARD,  "RFC3464"),
            row("lhost-sendmail-44.eml",        "kijitora@rokujo.example.jp",                                  "5.6.0",   "552", "contenterror",    SOFT,  "RFC3464"),
            row("lhost-sendmail-46.eml",        "pseudo-local-part-kijitora-nyaaan@laposte.net",               "5.5.0",   "550", "userunknown",     HARD,  "RFC3464"),
            row("lhost-sendmail-48.eml",        "pseudo-local-part-kijitora-nyaan@sfr.fr",                     "5.7.1",   "550", "filtered",        SOFT,  "RFC3464"),
            row("lhost-sendmail-50.eml",        "otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp",              "5.2.0",   "550", "filtered",        SOFT,  "RFC3464"),
            row("lhost-sendmail-52.eml",        "otsu-sakaba-hunter-neko-nyaaaaaaan@au.com",                   "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("lhost-sendmail-54.eml",        "kijitora@neko.example.jp",                                    "4.4.7",   "",    "expired",         SOFT,  "RFC3464"),
            row("lhost-sendmail-56.eml",        "neko-nyaan@icloud.example.com",                               "5.5.0",   "554", "blocked",         SOFT,  "RFC3464"),
            row("lhost-sendmail-58.eml",        "info@example.jp",                                             "5.7.1",   "550", "securityerror",   SOFT,  "RFC3464"),  // reference: policyviolation
            row("lhost-sendmail-60.eml",        "kijitora-cat@google.example.com",                             "5.7.26",  "550", "blocked",         SOFT,  "RFC3464"),
            row("lhost-surfcontrol-01.eml",     "kijitora@example.com",                                        "5.0.0",   "550", "filtered",        SOFT,  "RFC3464"),
            row("lhost-surfcontrol-03.eml",     "kijitora@example.net",                                        "5.0.0",   "554", "systemerror",     SOFT,  "RFC3464"),
            row("lhost-yandex-01.eml",          "kijitora@example.jp",                                         "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("lhost-yandex-03.eml",          "kijitora@6jo.example.jp",                                     "4.4.1",   "",    "expired",         SOFT,  "RFC3464"),
            row("rfc3464-01.eml",               "userunknown@bouncehammer.jp",                                 "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),  // reference: mailboxfull, no reply code
            row("rfc3464-04.eml",               "kijitora@mailx-53.neko.example.edu",                          "5.5.0",   "",    "undefined",       SOFT,  "RFC3464"),  // reference: mailererror, reply 554
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
            row("rhost-apple-03.eml",           "pseudo-local-part-of-apple-icloud-mail@icloud.com",           "5.2.2",   "552", "mailboxfull",     SOFT,  "RFC3464"),
            row("rhost-apple-05.eml",           "test-of-zhzkndneko@privaterelay.appleid.com",                 "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("rhost-cloudflare-01.eml",      "kijitora-neko@example.com",                                   "4.3.0",   "421", "onhold",          SOFT,  "RFC3464"),
            row("rhost-cox-01.eml",             "recipient55@cox.net",                                         "5.1.0",   "550", "blocked",         SOFT,  "RFC3464"),  // reference: this recipient twice
            row("rhost-franceptt-01.eml",       "pseudo-local-part-kijitora-nyaaan@orange.fr",                 "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("rhost-franceptt-05.eml",       "xxxx@laposte.net",                                            "5.5.0",   "550", "suspend",         SOFT,  "RFC3464"),
            row("rhost-franceptt-07.eml",       "xxxx@wanadoo.fr",                                             "4.0.0",   "421", "blocked",         SOFT,  "RFC3464"),
            row("rhost-franceptt-10.eml",       "xxxx@laposte.net",                                            "4.5.0",   "",    "undefined",       SOFT,  "RFC3464"),
            row("rhost-franceptt-12.eml",       "xxxx@laposte.net",                                            "5.7.1",   "554", "policyviolation", SOFT,  "RFC3464"),
            row("rhost-godaddy-02.eml",         "kijitora@example.com",                                        "5.1.3",   "553", "blocked",         SOFT,  "RFC3464"),
            row("rhost-google-01.eml",          "shironeko@example.ne.jp",                                     "5.2.1",   "550", "suspend",         SOFT,  "RFC3464"),
            row("rhost-google-03.eml",          "kijitora@google.example.com",                                 "5.7.26",  "550", "blocked",         SOFT,  "RFC3464"),
            row("rhost-google-05.eml",          "kijitora@google.example.com",                                 "5.2.2",   "552", "mailboxfull",     SOFT,  "RFC3464"),
            row("rhost-google-07.eml",          "kijitora-cat@google.example.com",                             "5.2.1",   "550", "filtered",        SOFT,  "RFC3464"),
            row("rhost-iua-01.eml",             "neko@email.example.ua",                                       "5.0.0",   "550", "suspend",         SOFT,  "RFC3464"),
            row("rhost-kddi-01.eml",            "otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp",              "5.2.0",   "550", "filtered",        SOFT,  "RFC3464"),
            row("rhost-microsoft-01.eml",       "kijitora@example.com",                                        "5.7.606", "550", "blocked",         SOFT,  "RFC3464"),
            row("rhost-microsoft-03.eml",       "kijitora@example.com",                                        "5.1.10",  "550", "filtered",        SOFT,  "RFC3464"),  // reference: userunknown
            row("rhost-microsoft-05.eml",       "pseudo-local-part-of-microsoft@outlook.com",                  "4.7.650", "451", "blocked",         SOFT,  "RFC3464"),
            row("rhost-mimecast-01.eml",        "sabatora@example.com",                                        "5.0.0",   "554", "policyviolation", SOFT,  "RFC3464"),
            row("rhost-nttdocomo-01.eml",       "azumakuniyuki@ntt.docomo.example.ne.jp",                      "5.2.0",   "550", "filtered",        SOFT,  "RFC3464"),
            row("rhost-nttdocomo-03.eml",       "azumakuniyuki@ntt.docomo.example.ne.jp",                      "5.0.0",   "550", "rejected",        SOFT,  "RFC3464"),
            row("rhost-tencent-01.eml",         "nekochan@qq.example.cn",                                      "5.0.0",   "550", "toomanyconn",     SOFT,  "RFC3464"),
            row("rhost-tencent-03.eml",         "neko@qq.example.cn",                                          "5.0.0",   "550", "blocked",         SOFT,  "RFC3464"),
            row("rhost-yahooinc-01.eml",        "kijitora@aol.example.jp",                                     "5.7.9",   "554", "policyviolation", SOFT,  "RFC3464"),
            row("rhost-yahooinc-03.eml",        "this-local-part-does-not-exist@yahoo.com",                    "5.0.0",   "554", "filtered",        SOFT,  "RFC3464"),
            row("rhost-zoho-01.eml",            "kijitora@zoho.example.com",                                   "5.1.1",   "550", "userunknown",     HARD,  "RFC3464"),
            row("rhost-zoho-03.eml",            "kijitora@zoho.example.com",                                   "5.7.1",   "554", "securityerror",   SOFT,  "RFC3464"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Rfc3464(), TABLE);
    }
}
