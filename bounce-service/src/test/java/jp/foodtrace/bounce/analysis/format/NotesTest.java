package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class NotesTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                  recipient                    status     reply reason         bounce agent
            row("lhost-notes-01.eml", "kijitora@u1.example.co.jp", "5.0.901", "",   "onhold",      SOFT,  "Notes"),
            row("lhost-notes-03.eml", "kijitora@example.com",      "5.0.911", "",   "userunknown", HARD,  "Notes"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Notes(), TABLE);
    }
}
