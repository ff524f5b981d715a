package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class YandexTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                   recipient                  status   reply  reason         bounce agent
            row("lhost-yandex-01.eml", "kijitora@example.jp",     "5.1.1", "550", "userunknown", HARD, "Yandex"),
            row("lhost-yandex-03.eml", "kijitora@6jo.example.jp", "4.4.1", "",    "expired",     SOFT, "Yandex"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Yandex(), TABLE);
    }
}
