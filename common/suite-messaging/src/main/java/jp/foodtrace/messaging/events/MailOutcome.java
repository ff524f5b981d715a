package jp.foodtrace.messaging.events;

import java.time.Instant;

/**
 * {@code mail.events.v1}, key recipient: what became of a mail request: {@code SENT} (with the SES
 * message id), {@code SUPPRESSED}, {@code FAILED} (with the reason) or {@code UNKNOWN} (the transport
 * cannot tell whether the message left, for example SES's answer was lost; it is not resent, and
 * with the reason). Only {@code SENT} is a send for the bounce and complaint rates: counting an
 * UNKNOWN would lower the rates on a guess.
 */
public record MailOutcome(String requestId, String recipient, String outcome, String category, String sesMessageId,
        String reason, Instant at) {
}
