package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class OpenSmtpdTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                      recipient                                 status     reply  reason          bounce agent
            row("lhost-opensmtpd-01.eml", "apdugoaidugoaidugoaeiudggadi@gmail.com", "5.1.1",   "550", "userunknown",  HARD,  "OpenSMTPD"),
            row("lhost-opensmtpd-03.eml", "kijitora@neko.example.jp",               "5.0.912", "",    "hostunknown",  HARD,  "OpenSMTPD"),
            row("lhost-opensmtpd-05.eml", "kijitora@mail.example.co.jp",            "5.0.947", "",    "expired",      SOFT,  "OpenSMTPD"),
            row("lhost-opensmtpd-10.eml", "postmaster@cx.libsisimai.org",           "5.0.912", "",    "hostunknown",  HARD,  "OpenSMTPD"),
            row("lhost-opensmtpd-12.eml", "neko@nyaan.jp",                          "5.0.944", "",    "networkerror", SOFT,  "OpenSMTPD"),
            row("lhost-opensmtpd-14.eml", "blocked@libsisimai.net",                 "5.0.901", "550", "onhold",       SOFT,  "OpenSMTPD"),
            row("lhost-opensmtpd-16.eml", "systemfull@libsisimai.net",              "5.0.947", "",    "expired",      SOFT,  "OpenSMTPD"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new OpenSmtpd(), TABLE);
    }
}
