package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class MessagingServerTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                                          recipient                                         status   reply  reason         bounce agent
            row("lhost-messagingserver-01.eml",               "kijitora@example.jp",                            "5.1.1", "550", "userunknown", HARD, "MessagingServer"),
            row("lhost-messagingserver-03.eml",               "sabineko@example.org",                           "5.7.1", "550", "filtered",    SOFT, "MessagingServer"),
            row("lhost-messagingserver-03.eml",               "mikeneko@example.org",                           "5.7.1", "550", "filtered",    SOFT, "MessagingServer"),
            row("lhost-messagingserver-05.eml",               "kijitora@example.jp",                            "5.4.4", "",    "hostunknown", HARD, "MessagingServer"),
            row("lhost-messagingserver-07.eml",               "kijitora@2jo.example.jp",                        "4.4.7", "",    "expired",     SOFT, "MessagingServer"),
            row("lhost-messagingserver-09.eml",               "otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp", "5.0.0", "550", "userunknown", HARD, "MessagingServer"),
            row("lhost-messagingserver-11.eml",               "kijitora@example.jp",                            "5.1.8", "501", "rejected",    SOFT, "MessagingServer"),
            row("synthetic/messagingserver-illegal-host.eml", "kijitora@example.jp",                            "5.1.1", "550", "userunknown", HARD, "MessagingServer"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new MessagingServer(), TABLE);
    }
}
