package jp.foodtrace.bounce.analysis;

import java.util.Map;

/**
 * Where the analyzer and the reference analyzer (Sisimai 4.25.15) still disagree on the sample
 * corpus, keyed by "file recipient" ("file *" when the reference found no bounce). Each row says
 * why. {@link CorpusAccuracyTest} fails when a row starts agreeing or an unlisted one appears.
 */
final class KnownDisagreements {
    static final Map<String, String> ROWS = Map.ofEntries(
            Map.entry("lhost-dragonfly-27.eml *",
                    "reference wrong: it has no DragonFly Mail Agent parser and reports nothing; the message is a real bounce and the analyzer reads it"),
            Map.entry("not-bounces/rb-issue-368-bug.eml *",
                    "analyzer reads a bounce in a message that is none: a postmaster sender, the subject 'email bounce notification' and an address line make the prose reader claim it"));

    private KnownDisagreements() {
    }
}
