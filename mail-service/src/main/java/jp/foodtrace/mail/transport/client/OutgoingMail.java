package jp.foodtrace.mail.transport.client;

import jp.foodtrace.mail.request.MailCategory;

/** One composed message on its way out: who gets it, why (for tags), and its MIME bytes. */
public record OutgoingMail(String requestId, String recipient, MailCategory category, byte[] rawMessage) {
}
