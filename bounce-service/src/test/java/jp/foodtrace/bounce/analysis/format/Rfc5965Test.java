package jp.foodtrace.bounce.analysis.format;

import static jp.foodtrace.bounce.analysis.format.ExpectationRow.Bounce.NONE;
import static jp.foodtrace.bounce.analysis.format.FormatTable.row;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

class Rfc5965Test {
    private static final List<ExpectationRow> TABLE = List.of(
            //  file          recipient                 status reply reason      bounce agent
            row("arf-01.eml", "redacted@example.net",   "",    "",   "feedback", NONE,  "Feedback-Loop"),
            row("arf-11.eml", Rfc5965.UNDISCLOSED_RECIPIENT, "", "", "feedback", NONE, "Feedback-Loop"),
            row("arf-14.eml", "kijitora@y.example.com", "",    "",   "feedback", NONE,  "Feedback-Loop"),
            row("arf-16.eml", "kijitora@example.com",   "",    "",   "feedback", NONE,  "Feedback-Loop"),
            row("arf-16.eml", "sironeko@example.com",   "",    "",   "feedback", NONE,  "Feedback-Loop"),
            row("arf-16.eml", "mikeneko@example.com",   "",    "",   "feedback", NONE,  "Feedback-Loop"),
            row("arf-16.eml", "sabatora@example.com",   "",    "",   "feedback", NONE,  "Feedback-Loop"),
            row("arf-16.eml", "sirokiji@example.org",   "",    "",   "feedback", NONE,  "Feedback-Loop"),
            row("arf-16.eml", "kuroneko@example.com",   "",    "",   "feedback", NONE,  "Feedback-Loop"),
            row("arf-16.eml", "sabineko@example.com",   "",    "",   "feedback", NONE,  "Feedback-Loop"),
            row("arf-18.eml", "kijitora@example.com",   "",    "",   "feedback", NONE,  "Feedback-Loop"),
            row("arf-20.eml", "kijitora@example.org",   "",    "",   "feedback", NONE,  "Feedback-Loop"),
            row("arf-22.eml", "kijitora@example.com",   "",    "",   "feedback", NONE,  "Feedback-Loop"),
            row("arf-24.eml", "kijitora@example.com",   "",    "",   "feedback", NONE,  "Feedback-Loop"));

    @TestFactory
    Stream<DynamicTest> corpusSamplesGiveExactlyTheTabledFacts() {
        return FormatTable.check(new Rfc5965(), TABLE);
    }
}
