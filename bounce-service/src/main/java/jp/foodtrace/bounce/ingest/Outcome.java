package jp.foodtrace.bounce.ingest;

/** What became of one S3 object; the wire name is the {@code outcome} tag and the stored value. */
public enum Outcome {
    /** Analysed, with one bounce fact per recipient. */
    BOUNCE("bounce"),
    /** Mail, but not a bounce, complaint or auto-reply: the analyzer found nothing. */
    NOT_BOUNCE("not-bounce"),
    /** Too large, not mail, or not parseable: copied to the quarantine prefix. */
    QUARANTINED("quarantined");

    private final String wireName;

    Outcome(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
