package jp.foodtrace.bounce.analysis.format;

import jp.foodtrace.bounce.analysis.BounceFact;

/**
 * One line of a format's expectation table: what the analyzer reports for one recipient of one
 * corpus sample. A row with an empty recipient says that the format claims the sample but no
 * fact comes out of it (see {@link FormatTable#noRecipient}).
 *
 * @param file           the sample's file name in the corpus's {@code dev/} folder
 * @param recipient      the failed (or complaining, or auto-replying) address
 * @param deliveryStatus RFC 3463 status code, empty for complaints and auto-replies
 * @param replyCode      SMTP reply code, or empty
 * @param reason         bounce reason in Sisimai's vocabulary
 * @param bounce         hard, soft, or no bounce at all
 * @param agent          the reporting agent, i.e. the name of the format that read the sample
 */
record ExpectationRow(String file, String recipient, String deliveryStatus, String replyCode, String reason,
        Bounce bounce, String agent) {

    /** {@link BounceFact#hardBounce()} as a word that reads in a table. */
    enum Bounce {
        HARD, SOFT,
        /** Not a bounce: a complaint or an auto-reply. */
        NONE;

        static Bounce of(Boolean hardBounce) {
            if (hardBounce == null) {
                return NONE;
            }
            return hardBounce ? HARD : SOFT;
        }
    }

    static ExpectationRow of(String file, BounceFact fact) {
        return new ExpectationRow(file, fact.recipient(), fact.deliveryStatus(), fact.replyCode(), fact.reason(),
                Bounce.of(fact.hardBounce()), fact.reportingAgent());
    }

    boolean isNoRecipient() {
        return recipient.isEmpty();
    }
}
