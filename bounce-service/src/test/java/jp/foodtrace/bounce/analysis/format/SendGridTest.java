package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class SendGridTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                     recipient               status     reply  reason         bounce agent
            row("lhost-sendgrid-01.eml", "kijitora@example.jp",  "5.1.1",   "550", "userunknown", HARD, "SendGrid"),
            row("lhost-sendgrid-03.eml", "kijitora@example.org", "5.0.947", "",    "expired",     SOFT, "SendGrid"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new SendGrid(), TABLE);
    }
}
