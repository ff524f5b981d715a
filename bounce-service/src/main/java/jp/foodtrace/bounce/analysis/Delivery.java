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

    private String lowered = "";
    private String loweredFrom = "";

    /** The diagnosis in lower case; the reason rules ask many times, so it is kept. */
    public String lowerDiagnosis() {
        if (diagnosis != loweredFrom) {
            loweredFrom = diagnosis;
            lowered = diagnosis.toLowerCase(java.util.Locale.ROOT);
        }
        return lowered;
    }

    private final java.util.Map<Object, Boolean> remembered = new java.util.HashMap<>(8);
    private String rememberedFor = "";

    /**
     * A yes/no answer about the given text, computed once: the reason rules ask the same phrase
     * list about the same diagnosis several times while weighing one recipient.
     */
    public boolean remembered(Object question, String text, java.util.function.BooleanSupplier answer) {
        if (text != rememberedFor) {
            rememberedFor = text;
            remembered.clear();
        }
        Boolean known = remembered.get(question);
        if (known == null) {
            known = answer.getAsBoolean();
            remembered.put(question, known);
        }
        return known;
    }

    public boolean hasDiagnosis() {
        return !diagnosis.isBlank();
    }

    @Override
    public String toString() {
        return recipient + " status=" + status + " reason=" + reason + " cmd=" + command + " diag=" + diagnosis;
    }
}
