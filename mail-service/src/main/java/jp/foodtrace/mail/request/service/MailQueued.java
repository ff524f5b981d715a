package jp.foodtrace.mail.request.service;

/** CDI event: a request was recorded; observed after commit to wake the dispatcher. */
public record MailQueued(String requestId) {
}
