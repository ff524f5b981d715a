package jp.foodtrace.e2e;

import java.util.UUID;

/** Returned mail the end-to-end tests drop into the inbound bucket. */
final class Complaints {
    private Complaints() {
    }

    /**
     * An ARF abuse report (RFC 5965) about {@code recipient}, whose quoted original carries a fresh
     * Message-ID starting with {@code idPrefix}; CRLF line ends, as SES inbound stores mail.
     */
    static String arf(String recipient, String idPrefix) {
        return """
                From: staff@isp.example
                To: abuse@example.jp
                Subject: complaint
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=feedback-report; boundary="F"

                --F
                Content-Type: text/plain

                This is an email abuse report.
                --F
                Content-Type: message/feedback-report

                Feedback-Type: abuse
                User-Agent: SomeGenerator/1.0
                Version: 1
                Original-Rcpt-To: <%s>

                --F
                Content-Type: message/rfc822

                From: news@example.jp
                To: %s
                Message-ID: <%s-%s@example.jp>

                hi
                --F--
                """.formatted(recipient, recipient, idPrefix, UUID.randomUUID()).replace("\n", "\r\n");
    }
}
