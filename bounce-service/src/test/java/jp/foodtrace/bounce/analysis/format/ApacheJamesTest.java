package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class ApacheJamesTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                        recipient                         status     reply  reason      bounce agent
            row("lhost-apachejames-01.eml", "000000000000@vtext.example.com", "5.0.910", "550", "filtered", SOFT,  "ApacheJames"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new ApacheJames(), TABLE);
    }
}
