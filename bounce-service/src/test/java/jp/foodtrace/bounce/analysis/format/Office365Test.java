package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class Office365Test {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                      recipient                                         status     reply  reason         bounce agent
            row("lhost-office365-01.eml", "kijitora@example.com",                           "5.1.10",  "550", "userunknown", HARD,  "Office365"),
            row("lhost-office365-03.eml", "kijitora@example.com",                           "5.1.0",   "550", "blocked",     SOFT,  "Office365"),
            row("lhost-office365-05.eml", "kijitora@example.jp",                            "5.1.8",   "501", "rejected",    SOFT,  "Office365"),
            row("lhost-office365-07.eml", "otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp", "5.1.351", "550", "userunknown", HARD,  "Office365"),
            row("lhost-office365-09.eml", "azumakuniyuki@example.ne.jp",                    "5.1.351", "550", "userunknown", HARD,  "Office365"),
            row("lhost-office365-11.eml", "kijitora@cr3.neko.nyaan.jp",                     "5.1.1",   "550", "userunknown", HARD,  "Office365"),
            row("lhost-office365-13.eml", "kijitora-nyaan@neko.kyoto.example.jp",           "5.1.10",  "550", "userunknown", HARD,  "Office365"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Office365(), TABLE);
    }
}
