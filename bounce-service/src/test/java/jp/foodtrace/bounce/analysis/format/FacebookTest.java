package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class FacebookTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                     recipient                status   reply  reason      bounce agent
            row("rhost-facebook-03.eml", "kijitora@facebook.com", "5.1.1", "550", "filtered", SOFT,  "Facebook"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Facebook(), TABLE);
    }
}
