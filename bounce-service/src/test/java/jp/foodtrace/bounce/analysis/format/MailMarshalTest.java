package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class MailMarshalTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                        recipient                     status   reply  reason         bounce agent
            row("lhost-mailmarshal-02.eml", "kijitora@nyaan.example.com", "5.1.1", "550", "userunknown", HARD,  "MailMarshalSMTP"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new MailMarshal(), TABLE);
    }
}
