package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class PlainTextTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                      recipient                          status     reply  reason          bounce agent
            row("lhost-dragonfly-27.eml", "neko-nyaan@example.org",          "5.0.901", "",    "onhold",       SOFT,  "PlainText"),  // reference: no bounce
            row("lhost-x1-03.eml",        "kijitora@example.org",            "5.0.910", "",    "filtered",     SOFT,  "PlainText"),
            row("lhost-x2-07.eml", "kijitora@example.co.jp", "5.4.14", "554", "networkerror", SOFT, "PlainText"),
            row("rfc3464-37.eml",         "kijitora@neko.nyaan.example.com", "5.0.912", "",    "hostunknown",  HARD,  "PlainText"),
            row("rfc3464-39.eml",         "kijitora@nyaan.example.net",      "5.0.901", "",    "onhold",       SOFT,  "PlainText"),
            row("rfc3834-05.eml",         "karl@hanz.de",                    "5.0.901", "",    "onhold",       SOFT,  "PlainText"));  // null return path, a bare address line

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new PlainText(), TABLE);
    }
}
