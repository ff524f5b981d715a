package jp.foodtrace.mail.template;

/** A template rendered for one request: one-line subject, plain text and HTML body. */
public record RenderedMail(String subject, String text, String html) {
}
