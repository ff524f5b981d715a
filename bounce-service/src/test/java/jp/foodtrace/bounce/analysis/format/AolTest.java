package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class AolTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                           recipient              status   reply  reason         bounce agent
            row("rhost-aol-01.eml",            "kijitora@example.jp", "5.4.4", "",    "hostunknown", HARD, "Aol"),
            row("rhost-aol-03.eml",            "sabineko@example.jp", "5.2.2", "550", "mailboxfull", SOFT, "Aol"),
            row("rhost-aol-03.eml",            "mikeneko@example.jp", "5.1.1", "550", "userunknown", HARD, "Aol"),
            row("rhost-aol-05.eml",            "nyan@haineko.org",    "5.4.4", "",    "hostunknown", HARD, "Aol"),
            row("synthetic/aol-notaccept.eml", "kijitora@example.jp", "5.0.0", "",    "notaccept",   HARD, "Aol"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Aol(), TABLE);
    }
}
