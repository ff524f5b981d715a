package jp.foodtrace.mail.sender;

import java.util.Set;

import jp.foodtrace.mail.request.MailCategory;

/**
 * A caller of the request API ({@code suite.mail.senders.<name>}): the categories it may request
 * and whether it is an operator (may read every sender's requests and the ops lists). Its request
 * ids are its own: stored as {@code <name>/<id>}.
 */
public record Sender(String name, Set<MailCategory> categories, boolean operator) {

    /** Separates the sender from its request id in the stored key; request ids never contain it. */
    public static final String SCOPE_SEPARATOR = "/";

    public boolean allows(MailCategory category) {
        return categories.contains(category);
    }

    /** The stored key of one of this sender's request ids. */
    public String scoped(String requestId) {
        return name + SCOPE_SEPARATOR + requestId;
    }

    /** The sender part of a stored key, or null for a request from the topic. */
    public static String senderOf(String storedRequestId) {
        int slash = storedRequestId.indexOf(SCOPE_SEPARATOR);
        return slash < 0 ? null : storedRequestId.substring(0, slash);
    }

    /** The caller's own request id of a stored key (the key itself for a request from the topic). */
    public static String unscoped(String storedRequestId) {
        int slash = storedRequestId.indexOf(SCOPE_SEPARATOR);
        return slash < 0 ? storedRequestId : storedRequestId.substring(slash + 1);
    }
}
