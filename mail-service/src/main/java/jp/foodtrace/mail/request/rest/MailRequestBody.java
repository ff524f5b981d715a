package jp.foodtrace.mail.request.rest;

import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A mail request as posted to {@code /v1/mail/requests}: the same fields as the {@code MailRequested} event. */
@Schema(name = "MailRequest")
public record MailRequestBody(
        @Schema(description = "Idempotency key: the same id again sends nothing new", example = "order-4711-rejected") String requestId,
        @Schema(description = "One plain e-mail address", example = "member@example.jp") String recipient,
        @Schema(description = "order-rejected, shipment-notice, recall-notice or account-notice", example = "recall-notice") String templateId,
        @Schema(description = "ja (default) or en", example = "ja") String locale,
        @Schema(description = "transactional, notice or recall; default: the template's", example = "recall") String category,
        @Schema(description = "Values the template needs") Map<String, Object> parameters) {
}
