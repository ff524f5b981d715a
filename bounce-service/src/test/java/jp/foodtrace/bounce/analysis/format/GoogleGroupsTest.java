package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class GoogleGroupsTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                            recipient                                           status     reply reason      bounce agent
            row("lhost-googlegroups-01.eml",    "libsisimai@googlegroups.com",                      "5.0.918", "",   "rejected", SOFT,  "GoogleGroups"),
            row("lhost-googlegroups-03.eml",    "libsisimai@googlegroups.com",                      "5.0.918", "",   "rejected", SOFT,  "GoogleGroups"),
            row("lhost-googlegroups-05.eml",    "libsisimai@googlegroups.com",                      "5.0.918", "",   "rejected", SOFT,  "GoogleGroups"),
            row("lhost-googlegroups-07.eml",    "libsisimai@googlegroups.com",                      "5.0.918", "",   "rejected", SOFT,  "GoogleGroups"),
            row("lhost-googlegroups-09.eml",    "libsisimai@googlegroups.com",                      "5.0.918", "",   "rejected", SOFT,  "GoogleGroups"),
            row("lhost-googlegroups-11.eml",    "libsisimai@googlegroups.com",                      "5.0.918", "",   "rejected", SOFT,  "GoogleGroups"),
            row("lhost-googlegroups-13.eml",    "libsisimai@googlegroups.com",                      "5.0.918", "",   "rejected", SOFT,  "GoogleGroups"),
            row("lhost-googleworkspace-01.eml", "neko-nyaan-cat-meeting@google-groups.example.com", "5.0.901", "",   "onhold",   SOFT,  "GoogleGroups"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new GoogleGroups(), TABLE);
    }
}
