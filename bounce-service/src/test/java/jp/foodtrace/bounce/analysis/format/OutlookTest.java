package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class OutlookTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                    recipient                       status   reply  reason         bounce agent
            row("lhost-outlook-01.eml", "kijitora@example.jp",          "5.2.2", "550", "mailboxfull", SOFT,  "Outlook"),
            row("lhost-outlook-03.eml", "kijitora@example.jp",          "5.5.0", "554", "hostunknown", HARD,  "Outlook"),
            row("lhost-outlook-06.eml", "kijitora@example.com",         "4.4.7", "",    "expired",     SOFT,  "Outlook"),
            row("lhost-outlook-08.eml", "kijitora@hotmail.example.com", "5.5.0", "550", "userunknown", HARD,  "Outlook"),
            row("rhost-outlook-01.eml", "kijitora@example.jp",          "5.2.2", "550", "mailboxfull", SOFT,  "Outlook"),
            row("rhost-outlook-03.eml", "kijitora@example.jp",          "5.5.0", "554", "hostunknown", HARD,  "Outlook"),
            row("rhost-outlook-06.eml", "kijitora@example.com",         "4.4.7", "",    "expired",     SOFT,  "Outlook"),
            row("rhost-outlook-08.eml", "kijitora@hotmail.example.com", "5.5.0", "550", "userunknown", HARD,  "Outlook"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Outlook(), TABLE);
    }
}
