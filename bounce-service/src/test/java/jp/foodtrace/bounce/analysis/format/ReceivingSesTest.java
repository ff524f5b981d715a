package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ReceivingSesTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                         recipient                      status   reply  reason        bounce agent
            row("lhost-receivingses-01.eml", "userunknown@neko.example.jp", "5.1.1", "550", "filtered",   SOFT,  "ReceivingSES"),
            row("lhost-receivingses-03.eml", "temperror@neko.example.jp",   "4.0.0", "450", "onhold",     SOFT,  "ReceivingSES"),
            row("lhost-receivingses-05.eml", "exceedlimit@neko.example.jp", "5.3.4", "552", "mesgtoobig", SOFT,  "ReceivingSES"),
            row("lhost-receivingses-07.eml", "neko@neko.example.jp",        "5.2.0", "550", "filtered",   SOFT,  "ReceivingSES"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new ReceivingSes(), TABLE);
    }
}
