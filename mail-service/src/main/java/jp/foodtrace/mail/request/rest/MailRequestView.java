package jp.foodtrace.mail.request.rest;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import jp.foodtrace.mail.request.MailLogEntry;
import jp.foodtrace.mail.sender.Sender;

/** Where a mail request stands, as REST shows it. */
@Schema(name = "MailRequestStatus")
public record MailRequestView(
        @Schema(description = "The request id as its sender gave it") String requestId,
        String recipient, String templateId, String locale, String category,
        @Schema(description = "PENDING, CLAIMED, SENDING, SENT, SUPPRESSED, FAILED or UNKNOWN") String status,
        int attempts, String transport,
        @Schema(description = "SES message id (or the Message-ID for the SMTP relay) once SENT") String transportMessageId,
        String messageId, String reason, Instant createdAt, Instant finishedAt,
        @Schema(description = "The sender (suite.mail.senders.<name>) that requested it; null: from mail.requests.v1") String sender) {

    public static MailRequestView of(MailLogEntry entry) {
        return new MailRequestView(Sender.unscoped(entry.requestId()), entry.recipient(), entry.templateId(),
                entry.locale().tag(), entry.category().wireName(), entry.status().name(), entry.attempts(),
                entry.transport(), entry.transportMessageId(), entry.messageId(), entry.reason(), entry.createdAt(),
                entry.finishedAt(), Sender.senderOf(entry.requestId()));
    }
}
