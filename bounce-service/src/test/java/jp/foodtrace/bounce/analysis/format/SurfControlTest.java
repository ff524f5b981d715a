package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class SurfControlTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                                        recipient               status     reply  reason         bounce agent
            row("lhost-surfcontrol-01.eml",                 "kijitora@example.com", "5.0.0",   "550", "filtered",    SOFT, "SurfControl"),
            row("lhost-surfcontrol-03.eml",                 "kijitora@example.net", "5.0.0",   "554", "systemerror", SOFT, "SurfControl"),
            row("synthetic/surfcontrol-two-recipients.eml", "kijitora@example.com", "5.0.900", "",    "undefined",   SOFT, "SurfControl"),
            row("synthetic/surfcontrol-two-recipients.eml", "sabineko@example.com", "5.0.0",   "550", "filtered",    SOFT, "SurfControl"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new SurfControl(), TABLE);
    }
}
