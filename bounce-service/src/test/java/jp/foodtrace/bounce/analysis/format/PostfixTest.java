package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class PostfixTest {
    private static final List<ExpectationRow> TABLE = List.of(
            row("lhost-postfix-01.eml",     "r@p351355.pool.example.ne.jp",                       "5.1.1",    "",     "mailererror",     SOFT, "Postfix"),
            row("lhost-postfix-03.eml",     "kijitora@example.net",                               "5.0.0",    "550",  "filtered",        SOFT, "Postfix"),
            row("lhost-postfix-05.eml",     "kijitora@example.org",                               "4.1.1",    "450",  "userunknown",     HARD, "Postfix"),
            row("lhost-postfix-07.eml",     "kijitora@user.example.or.jp",                        "5.0.910",  "550",  "filtered",        SOFT, "Postfix"),
            row("lhost-postfix-09.eml",     "kijitora@example.ne.jp",                             "4.3.2",    "452",  "toomanyconn",     SOFT, "Postfix"),
            row("lhost-postfix-11.eml",     "kijitora@example.jp",                                "5.1.8",    "553",  "rejected",        SOFT, "Postfix"),
            row("lhost-postfix-11.eml",     "noraneko@example.jp",                                "5.1.8",    "553",  "rejected",        SOFT, "Postfix"),
            row("lhost-postfix-14.eml",     "kijitora@2jo.example.jp",                            "5.1.1",    "",     "userunknown",     HARD, "Postfix"),
            row("lhost-postfix-16.eml",     "kijitora@example.go.jp",                             "5.1.6",    "550",  "hasmoved",        HARD, "Postfix"),
            row("lhost-postfix-28.eml",     "kijitora@gmail.example.com",                         "5.7.1",    "550",  "policyviolation", SOFT, "Postfix"),
            row("lhost-postfix-30.eml",     "kijitora@example.br",                                "5.4.1",    "550",  "userunknown",     HARD, "Postfix"),
            row("lhost-postfix-32.eml",     "\"neko....nyaan....\"@libsisimai.org",               "5.1.1",    "550",  "userunknown",     HARD, "Postfix"),
            row("lhost-postfix-34.eml",     "kijitora@example.com",                               "5.0.944",  "",     "networkerror",    SOFT, "Postfix"),
            row("lhost-postfix-36.eml",     "otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp",     "5.0.0",    "550",  "userunknown",     HARD, "Postfix"),
            row("lhost-postfix-38.eml",     "kijitora@example.org",                               "4.0.0",    "",     "blocked",         SOFT, "Postfix"),
            row("lhost-postfix-40.eml",     "kijitora@example.com",                               "4.0.0",    "451",  "systemerror",     SOFT, "Postfix"),
            row("lhost-postfix-42.eml",     "kijitora@example.com",                               "5.0.0",    "550",  "policyviolation", SOFT, "Postfix"),
            row("lhost-postfix-44.eml",     "kijitora@example.jp",                                "5.7.1",    "501",  "norelaying",      SOFT, "Postfix"),
            row("lhost-postfix-46.eml",     "neko-nyaan@ne.auone-net.jp",                         "5.0.0",    "550",  "userunknown",     HARD, "Postfix"),
            row("lhost-postfix-48.eml",     "neko-nyaan@ntt.example.net",                         "5.0.0",    "552",  "toomanyconn",     SOFT, "Postfix"),
            row("lhost-postfix-50.eml",     "soto-neko-nyaan@ntt.example.com",                    "4.0.0",    "421",  "blocked",         SOFT, "Postfix"),
            row("lhost-postfix-52.eml",     "kijitora@example.co.jp",                             "5.0.0",    "554",  "suspend",         SOFT, "Postfix"),
            row("lhost-postfix-54.eml",     "neko-nyaan@example.ne.jp",                           "5.7.1",    "550",  "rejected",        SOFT, "Postfix"),
            row("lhost-postfix-56.eml",     "nyaan@qq.example.com",                               "4.4.2",    "",     "networkerror",    SOFT, "Postfix"),
            row("lhost-postfix-58.eml",     "neko-1718501322@gmail.com",                          "5.7.1",    "550",  "blocked",         SOFT, "Postfix"),
            row("lhost-postfix-60.eml",     "neko@mail.example.jp",                               "4.0.0",    "",     "blocked",         SOFT, "Postfix"),
            row("lhost-postfix-62.eml",     "nyaan@libsisimai.org",                               "5.0.0",    "550",  "virusdetected",   SOFT, "Postfix"),
            row("lhost-postfix-64.eml",     "xxxx@wanadoo.fr",                                    "5.0.900",  "",     "undefined",       SOFT, "Postfix"),
            row("lhost-postfix-66.eml",     "kijitora@aol.example.jp",                            "5.7.9",    "554",  "policyviolation", SOFT, "Postfix"),
            row("lhost-postfix-68.eml",     "kijitora@yahoo.example.co.jp",                       "5.0.0",    "554",  "policyviolation", SOFT, "Postfix"),
            row("lhost-postfix-70.eml",     "kijitora@google.example.com",                        "5.7.26",   "550",  "blocked",         SOFT, "Postfix"),
            row("lhost-postfix-72.eml",     "kijitora@mail.example.ru",                           "5.7.1",    "550",  "policyviolation", SOFT, "Postfix"),
            row("lhost-postfix-74.eml",     "kijitora@y.example.ca",                              "4.7.0",    "421",  "blocked",         SOFT, "Postfix"),
            row("lhost-postfix-76.eml",     "this-local-part-does-not-exist@rakumail.jp",         "5.0.0",    "550",  "userunknown",     HARD, "Postfix"),
            row("lhost-postfix-78.eml",     "postmaster@libsisimai.org",                          "5.0.0",    "554",  "systemerror",     SOFT, "Postfix"),
            row("lhost-postfix-80.eml",     "xxxx@xxxx.com",                                      "5.1.0",    "550",  "userunknown",     HARD, "Postfix"),
            row("rhost-apple-03.eml",       "pseudo-local-part-of-apple-icloud-mail@icloud.com",  "5.2.2",    "552",  "mailboxfull",     SOFT, "Postfix"),
            row("rhost-apple-05.eml",       "test-of-zhzkndneko@privaterelay.appleid.com",        "5.1.1",    "550",  "userunknown",     HARD, "Postfix"),
            row("rhost-cloudflare-01.eml",  "kijitora-neko@example.com",                          "4.3.0",    "421",  "onhold",          SOFT, "Postfix"),
            row("rhost-cox-01.eml",         "recipient55@cox.net",                                "5.1.0",    "550",  "blocked",         SOFT, "Postfix"),
            row("rhost-franceptt-05.eml",   "xxxx@laposte.net",                                   "5.5.0",    "550",  "suspend",         SOFT, "Postfix"),
            row("rhost-franceptt-07.eml",   "xxxx@wanadoo.fr",                                    "4.0.0",    "421",  "blocked",         SOFT, "Postfix"),
            row("rhost-franceptt-10.eml",   "xxxx@laposte.net",                                   "4.5.0",    "",     "undefined",       SOFT, "Postfix"),
            row("rhost-franceptt-12.eml",   "xxxx@laposte.net",                                   "5.7.1",    "554",  "policyviolation", SOFT, "Postfix"),
            row("rhost-google-03.eml",      "kijitora@google.example.com",                        "5.7.26",   "550",  "blocked",         SOFT, "Postfix"),
            row("rhost-google-05.eml",      "kijitora@google.example.com",                        "5.2.2",    "552",  "mailboxfull",     SOFT, "Postfix"),
            row("rhost-iua-01.eml",         "neko@email.example.ua",                              "5.0.0",    "550",  "suspend",         SOFT, "Postfix"),
            row("rhost-microsoft-05.eml",   "pseudo-local-part-of-microsoft@outlook.com",         "4.7.650",  "451",  "blocked",         SOFT, "Postfix"),
            row("rhost-mimecast-01.eml",    "sabatora@example.com",                               "5.0.0",    "554",  "policyviolation", SOFT, "Postfix"),
            row("rhost-nttdocomo-03.eml",   "azumakuniyuki@ntt.docomo.example.ne.jp",             "5.0.0",    "550",  "rejected",        SOFT, "Postfix"),
            row("rhost-tencent-01.eml",     "nekochan@qq.example.cn",                             "5.0.0",    "550",  "toomanyconn",     SOFT, "Postfix"),
            row("rhost-tencent-03.eml",     "neko@qq.example.cn",                                 "5.0.0",    "550",  "blocked",         SOFT, "Postfix"),
            row("rhost-yahooinc-01.eml",    "kijitora@aol.example.jp",                            "5.7.9",    "554",  "policyviolation", SOFT, "Postfix"),
            row("rhost-zoho-01.eml",        "kijitora@zoho.example.com",                          "5.1.1",    "550",  "userunknown",     HARD, "Postfix"),
            row("rhost-zoho-03.eml",        "kijitora@zoho.example.com",                          "5.7.1",    "554",  "securityerror",   SOFT, "Postfix"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Postfix(), TABLE);
    }
}
