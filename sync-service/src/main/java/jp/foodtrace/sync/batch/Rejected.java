package jp.foodtrace.sync.batch;

/** One record of a batch cannot be taken; the reason goes into its result, the others go on. */
public class Rejected extends RuntimeException {

    public Rejected(String reason) {
        super(reason, null, false, false);
    }
}
