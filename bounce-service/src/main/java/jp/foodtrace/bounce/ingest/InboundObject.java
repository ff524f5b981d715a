package jp.foodtrace.bounce.ingest;

/**
 * One S3 object version (key + ETag) as this service knows it: claimed by an instance, or done
 * with an outcome and the key it was copied to.
 *
 * @param state   {@code claimed} or {@code done}
 * @param outcome when done: {@code bounce}, {@code not-bounce} or {@code quarantined}
 * @param detail  for quarantined objects, the reason code and text written into the copy's metadata
 * @param movedTo the key of the copy under the processed or quarantine prefix
 */
public record InboundObject(String key, String etag, long size, String state, String outcome, String detail,
        int facts, String movedTo) {

    public static final String CLAIMED = "claimed";
    public static final String DONE = "done";

    public boolean done() {
        return DONE.equals(state);
    }
}
