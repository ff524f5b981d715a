package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.HARD;
import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class MailRuTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                              recipient                                         status     reply  reason         bounce agent
            row("lhost-mailru-01.eml",            "kijitora@example.jp",                            "5.1.1",   "550", "userunknown", HARD, "MailRu"),
            row("lhost-mailru-03.eml",            "mikeneko@example.jp",                            "5.2.2",   "550", "mailboxfull", SOFT, "MailRu"),
            row("lhost-mailru-03.eml",            "sabineko@example.jp",                            "5.2.1",   "550", "userunknown", HARD, "MailRu"),
            row("lhost-mailru-05.eml",            "neko@libsisimai.org",                            "5.0.932", "",    "notaccept",   HARD, "MailRu"),
            row("lhost-mailru-07.eml",            "otsu-sakaba-hunter-neko-nyaaaaaaan@ezweb.ne.jp", "5.0.910", "550", "filtered",    SOFT, "MailRu"),
            row("lhost-mailru-09.eml",            "kijitora@example.jp",                            "5.1.8",   "501", "rejected",    SOFT, "MailRu"),
            row("synthetic/mailru-mail-from.eml", "kijitora@example.jp",                            "5.0.918", "550", "rejected",    SOFT, "MailRu"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new MailRu(), TABLE);
    }
}
