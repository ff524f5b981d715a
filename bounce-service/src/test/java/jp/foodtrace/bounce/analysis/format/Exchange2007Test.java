package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class Exchange2007Test {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                         recipient                           status   reply  reason         bounce agent
            row("lhost-exchange2007-01.eml", "mikeneko@example.co.jp",           "5.1.1", "550", "userunknown", HARD,  "Exchange2007"),
            row("lhost-exchange2007-03.eml", "kijitora@neko.example.com",        "5.2.3", "550", "mesgtoobig",  SOFT,  "Exchange2007"),
            row("lhost-exchange2007-05.eml", "gwang1@student.mlcsyd.nsw.edu.au", "4.4.1", "441", "expired",     SOFT,  "Exchange2007"),
            row("lhost-exchange2007-07.eml", "kijitora@example.jp",              "5.1.1", "550", "userunknown", HARD,  "Exchange2007"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Exchange2007(), TABLE);
    }
}
