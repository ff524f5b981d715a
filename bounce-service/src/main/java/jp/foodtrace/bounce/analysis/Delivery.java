package jp.foodtrace.bounce.analysis;

/**
 * What one format parser learned about one recipient, before the reason, status code and
 * hard/soft flag are settled by {@link BounceAnalyzer}. Mutable on purpose: parsers fill it
 * field by field while walking the message.
 */
public final class Delivery {
    public String recipient = "";
    public String alias = "";
    public String action = "";
    public String status = "";
    public String replyCode = "";
    public String diagnosis = "";
    public String diagnosticType = "";
    public String command = "";
    public String reportingMta = "";
    public String remoteMta = "";
    public String date = "";
    public String reason = "";
    public String feedbackType = "";
    public String agent = "";
    public Boolean softBounce;

    public Delivery() {
    }

    public Delivery(String recipient) {
        this.recipient = recipient;
    }

    public boolean hasDiagnosis() {
        return !diagnosis.isBlank();
    }

    @Override
    public String toString() {
        return recipient + " status=" + status + " reason=" + reason + " cmd=" + command + " diag=" + diagnosis;
    }
}
