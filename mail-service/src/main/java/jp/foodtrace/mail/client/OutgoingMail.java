package jp.foodtrace.mail.client;

import jp.foodtrace.mail.MailCategory;

/** One composed message on its way out: who gets it, why (for tags), and its MIME bytes. */
public record OutgoingMail(String requestId, String recipient, MailCategory category, byte[] rawMessage) {
}
