package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.SOFT;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class EZwebTest {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file                  recipient                                                   status     reply  reason      bounce agent
            row("lhost-ezweb-01.eml", "this-message-rejected-by-the-domain-filter@ezweb.ne.jp",   "5.0.910", "",    "filtered", SOFT,  "EZweb"),
            row("lhost-ezweb-03.eml", "this-local-part-does-not-exist-on-the-site@ezweb.ne.jp",   "5.0.921", "",    "suspend",  SOFT,  "EZweb"),
            row("lhost-ezweb-05.eml", "this-local-part-does-not-exist-on-the-server@ezweb.ne.jp", "5.0.947", "",    "expired",  SOFT,  "EZweb"),
            row("lhost-ezweb-08.eml", "kijitora-neko-nyaan-22222-cats@hotmail.com",               "5.0.971", "550", "blocked",  SOFT,  "EZweb"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new EZweb(), TABLE);
    }
}
