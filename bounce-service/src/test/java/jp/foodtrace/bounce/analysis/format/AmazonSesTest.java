package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.NONE;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class AmazonSesTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                      recipient                          status   reply  reason           bounce agent
            row("lhost-amazonses-01.eml", "shironeko@example.co.jp",         "5.7.1", "550", "securityerror", SOFT,  "AmazonSES"),
            row("lhost-amazonses-03.eml", "kijitora@example.jp",             "5.2.2", "550", "mailboxfull",   SOFT,  "AmazonSES"),
            row("lhost-amazonses-06.eml", "bounce@simulator.amazonses.com",  "5.1.1", "550", "userunknown",   HARD,  "AmazonSES"),
            row("lhost-amazonses-08.eml", "e@neko.nyaan.example.org",        "5.7.9", "550", "securityerror", SOFT,  "AmazonSES"),
            row("lhost-amazonses-10.eml", "bounce@simulator.amazonses.com",  "5.1.1", "550", "userunknown",   HARD,  "AmazonSES"),
            row("lhost-amazonses-12.eml", "success@simulator.amazonses.com", "2.6.0", "250", "delivered",     NONE,  "AmazonSES"),
            row("lhost-amazonses-14.eml", "sironeko@neko.example.org",       "5.7.1", "554", "blocked",       SOFT,  "AmazonSES"),
            row("lhost-amazonses-16.eml", "kijitora@example.com",            "5.7.1", "521", "blocked",       SOFT,  "AmazonSES"),
            row("lhost-amazonses-18.eml", "kijitora@neko.nyaan.example.edu", "5.4.4", "550", "hostunknown",   HARD,  "AmazonSES"),
            row("lhost-amazonses-20.eml", "kijitora@google.example.com",     "5.2.1", "550", "suspend",       SOFT,  "AmazonSES"),
            row("rhost-spectrum-01.eml",  "theusername@charter.net",         "5.1.0", "550", "toomanyconn",   SOFT,  "AmazonSES"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new AmazonSes(), TABLE);
    }
}
