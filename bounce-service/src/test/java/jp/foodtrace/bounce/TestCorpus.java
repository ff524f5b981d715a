package jp.foodtrace.bounce;

import java.nio.file.Path;

/**
 * The corpus of real bounce mails the tests run on, kept in this module ({@code src/test/corpus},
 * a sample of the BSD-licensed sisimai/set-of-emails with Sisimai's verdicts; see its README and
 * LICENSE). Tests run with the module as working directory.
 */
public final class TestCorpus {

    private TestCorpus() {
    }

    /** The corpus folder: {@code dev/}, {@code not-bounces/} and {@code expected-sisimai.jsonl}. */
    public static Path root() {
        return Path.of("src", "test", "corpus").toAbsolutePath();
    }

    /**
     * Messages written for layout variants the sample lacks, each made from a sample by changing
     * its error lines (see the README there); the format tests hold the reference's verdicts.
     */
    public static Path synthetic() {
        return root().resolve("synthetic");
    }

    /** The sample of bounces the reference verdicts cover. */
    public static Path dev() {
        return root().resolve("dev");
    }
}
