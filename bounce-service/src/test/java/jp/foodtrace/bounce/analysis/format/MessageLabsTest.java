package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class MessageLabsTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                        recipient                           status   reply  reason           bounce agent
            row("rhost-messagelabs-01.eml", "kijitora@example.messagelabs.com", "5.0.0", "550", "securityerror", SOFT,  "MessageLabs"),
            row("rhost-messagelabs-03.eml", "kijitora@example.com",             "5.0.0", "542", "userunknown",   HARD,  "MessageLabs"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new MessageLabs(), TABLE);
    }
}
