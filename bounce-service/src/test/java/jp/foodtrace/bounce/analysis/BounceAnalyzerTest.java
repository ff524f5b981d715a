package jp.foodtrace.bounce.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.foodtrace.bounce.analysis.mime.EncodedWords;
import jp.foodtrace.bounce.analysis.mime.MailMessage;
import jp.foodtrace.bounce.analysis.reason.ReasonClassifier;
import jp.foodtrace.bounce.analysis.reason.Severity;

class BounceAnalyzerTest {
    private final BounceAnalyzer analyzer = new BounceAnalyzer();

    private static String dsn(String status, String diagnostic) {
        return """
                From: MAILER-DAEMON@mx.example.jp (Mail Delivery System)
                To: sender@example.jp
                Subject: Undelivered Mail Returned to Sender
                Date: Thu, 9 Apr 2015 10:00:00 +0900
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="B"

                --B
                Content-Type: text/plain

                This is the mail system at host mx.example.jp.

                --B
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.jp

                Final-Recipient: rfc822; kijitora@example.org
                Action: failed
                Status: %s
                Diagnostic-Code: smtp; %s

                --B
                Content-Type: message/rfc822

                From: sender@example.jp
                To: kijitora@example.org
                Message-ID: <abc.123@example.jp>
                Subject: hello

                hello
                --B--
                """.formatted(status, diagnostic);
    }

    private List<BounceFact> analyze(String message, Charset charset) {
        return analyzer.analyze(message.getBytes(charset));
    }

    /** A plain RFC 3464 report under a subject no server format claims. */
    private static String plainDsn(String status, String type, String diagnostic) {
        return dsn(status, diagnostic).replace("Subject: Undelivered Mail Returned to Sender", "Subject: Delivery report")
                .replace("Diagnostic-Code: smtp; ", "Diagnostic-Code: " + type + "; ");
    }

    /** A gateway's notice that names nobody and attaches {@code attached} as the returned message. */
    private static String wrapper(String attached) {
        return """
                From: "Mail Delivery Subsystem" <MAILER-DAEMON@gw.example.jp>
                To: "NotificationRecipients" <notify@gw.example.jp>
                Subject: Returned mail: User unknown
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="OUTER"

                --OUTER
                Content-Type: text/plain

                ----- The following addresses had permanent delivery errors -----

                --OUTER
                Content-Type: message/rfc822

                %s
                --OUTER--
                """.formatted(attached);
    }

    @Test
    void aDeliveryReportAttachedToANoticeThatNamesNobodyIsTheBounce() {
        List<BounceFact> facts = analyze(wrapper(dsn("5.1.1", "550 5.1.1 User unknown")), StandardCharsets.US_ASCII);
        assertEquals(1, facts.size());
        assertEquals("kijitora@example.org", facts.get(0).recipient());
        assertEquals("userunknown", facts.get(0).reason());
        assertEquals("5.1.1", facts.get(0).deliveryStatus());

        // an ordinary returned message attached to the same notice reports nobody
        String ordinary = """
                From: sender@example.jp
                To: kijitora@example.org
                Subject: hello
                Content-Type: multipart/mixed; boundary="B"

                --B
                Content-Type: text/plain

                hello
                --B--
                """;
        assertEquals(List.of(), analyze(wrapper(ordinary), StandardCharsets.US_ASCII));
    }

    @Test
    void successfulDeliveriesAreReportedOnlyWhenAskedFor() {
        byte[] mail = dsn("2.0.0", "250 2.0.0 OK").replace("Action: failed", "Action: delivered")
                .getBytes(StandardCharsets.US_ASCII);
        assertEquals(List.of(), analyzer.analyze(mail));
        List<BounceFact> facts = BounceAnalyzer.withDeliveries().analyze(mail);
        assertEquals(1, facts.size());
        assertEquals("delivered", facts.get(0).reason());
        assertEquals("2.0.0", facts.get(0).deliveryStatus());
        assertNull(facts.get(0).hardBounce());
    }

    @Test
    void statusCodeReasonStandsOverTheLocalMailerType() {
        // 5.3.0 names a reason (systemerror); only a code that names none falls back to the type
        assertEquals("systemerror", analyze(plainDsn("5.3.0", "X-Unix", "77"), StandardCharsets.US_ASCII).get(0).reason());
        assertEquals("mailererror", analyze(plainDsn("5.0.0", "X-Unix", "77"), StandardCharsets.US_ASCII).get(0).reason());
        assertEquals("hostunknown",
                analyze(plainDsn("5.1.2", "X-Postfix", "Host or domain name not found"), StandardCharsets.US_ASCII)
                        .get(0).reason());
    }

    @Test
    void autoReplyReadFromAReportKeepsTheReportsStatus() {
        BounceFact f = analyze(plainDsn("5.0.0", "smtp", "550 I am away on vacation"), StandardCharsets.US_ASCII).get(0);
        assertEquals("vacation", f.reason());
        assertEquals("5.0.0", f.deliveryStatus());
        assertNull(f.hardBounce());
    }

    @Test
    void postfixNoticeGivesTheSmtpStage() {
        String mail = dsn("5.0.0", "550 <kijitora@example.org>: Recipient address rejected.").replace(
                "This is the mail system at host mx.example.jp.\n",
                """
                This is the mail system at host mx.example.jp.

                                   The mail system

                <kijitora@example.org>: host mx.example.org[192.0.2.1] said: 550
                    <kijitora@example.org>: Recipient address rejected. (in reply to RCPT
                    TO command)
                """);
        BounceFact f = analyze(mail, StandardCharsets.US_ASCII).get(0);
        assertEquals("Postfix", f.reportingAgent());
        assertEquals("userunknown", f.reason());
        assertEquals(Boolean.TRUE, f.hardBounce());
    }

    @Test
    void providerRulesSeeTheReportingMta() {
        // Exchange Online's 5.1.10 is an unknown recipient; the status code alone says notaccept
        String mail = plainDsn("5.1.10", "smtp", "550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found")
                .replace("Reporting-MTA: dns; mx.example.jp", "Reporting-MTA: dns; AB1PR01MB0001.namprd01.prod.outlook.com");
        assertEquals("userunknown", analyze(mail, StandardCharsets.US_ASCII).get(0).reason());
    }

    @Test
    void unknownUserIsHardBounceWithOriginalMessageId() {
        List<BounceFact> facts = analyze(dsn("5.1.1", "550 5.1.1 <kijitora@example.org>: User unknown"),
                StandardCharsets.US_ASCII);
        assertEquals(1, facts.size());
        BounceFact f = facts.get(0);
        assertEquals("kijitora@example.org", f.recipient());
        assertEquals("userunknown", f.reason());
        assertEquals("5.1.1", f.deliveryStatus());
        assertEquals(Boolean.TRUE, f.hardBounce());
        assertEquals("550", f.replyCode());
        assertEquals("abc.123@example.jp", f.messageId());
        assertTrue(f.timestamp() != null);
    }

    @Test
    void fullMailboxIsSoftBounce() {
        BounceFact f = analyze(dsn("4.2.2", "452 4.2.2 Mailbox full"), StandardCharsets.US_ASCII).get(0);
        assertEquals("mailboxfull", f.reason());
        assertEquals(Boolean.FALSE, f.hardBounce());
    }

    @Test
    void relayingDeniedIsNotMistakenForUnknownUser() {
        BounceFact f = analyze(dsn("5.1.1", "554 5.1.1 <kijitora@example.org>: Relay access denied"),
                StandardCharsets.US_ASCII).get(0);
        assertEquals("norelaying", f.reason());
    }

    @Test
    void reasonIsFoundInWordingWhenStatusIsGeneric() {
        BounceFact f = analyze(dsn("5.0.0", "552 mailbox quota exceeded for this recipient"),
                StandardCharsets.US_ASCII).get(0);
        assertEquals("mailboxfull", f.reason());
    }

    @Test
    void hardOrSoftIsDecidedByReason() {
        assertEquals(Boolean.TRUE, Severity.isHard("hostunknown", "5.1.2"));
        assertEquals(Boolean.FALSE, Severity.isHard("blocked", "5.7.1"));
        assertEquals(Boolean.FALSE, Severity.isHard("notaccept", "421 4.3.2 not accepting"));
        assertEquals(Boolean.TRUE, Severity.isHard("notaccept", "556 5.3.2 no mail here"));
        assertNull(Severity.isHard("feedback", ""));
    }

    @Test
    void bareErrorPhraseIsClassified() {
        assertEquals("userunknown", ReasonClassifier.fromPhrase("550 5.1.1 No such user here"));
        assertEquals("hostunknown", ReasonClassifier.fromPhrase("Host or domain name not found"));
    }

    @Test
    void iso2022jpDiagnosticIsDecoded() {
        String japanese = "\u5b9b\u5148\u30a2\u30c9\u30ec\u30b9\u304c\u5b58\u5728\u3057\u307e\u305b\u3093";
        String message = """
                From: Mail Delivery System <MAILER-DAEMON@example.jp>
                To: sender@example.jp
                Subject: =?ISO-2022-JP?B?%s?=
                Content-Type: text/plain; charset=ISO-2022-JP

                %s

                <kijitora@example.org>:
                550 5.1.1 unknown user
                """.formatted(
                Base64.getEncoder().encodeToString(japanese.getBytes(Charset.forName("ISO-2022-JP"))), japanese);
        MailMessage mail = MailMessage.parse(message.getBytes(Charset.forName("ISO-2022-JP")));
        assertEquals(japanese, mail.headers().get("subject"));
        assertTrue(mail.body().contains(japanese));
    }

    @Test
    void shiftJisBodyIsDecodedByDeclaredCharset() {
        String japanese = "\u30e1\u30fc\u30eb\u30dc\u30c3\u30af\u30b9\u304c\u4e00\u676f\u3067\u3059";
        byte[] head = "Subject: x\nContent-Type: text/plain; charset=Shift_JIS\n\n".getBytes(StandardCharsets.US_ASCII);
        byte[] body = japanese.getBytes(Charset.forName("Shift_JIS"));
        byte[] raw = new byte[head.length + body.length];
        System.arraycopy(head, 0, raw, 0, head.length);
        System.arraycopy(body, 0, raw, head.length, body.length);
        assertTrue(MailMessage.parse(raw).body().contains(japanese));
    }

    @Test
    void quotedPrintableEncodedWordIsDecoded() {
        assertEquals("caf\u00e9 cr\u00e8me", EncodedWords.decode("=?UTF-8?Q?caf=C3=A9_cr=C3=A8me?="));
    }

    @Test
    void ordinaryMessageGivesNothing() {
        String message = """
                From: kijitora@example.jp
                To: neko@example.org
                Subject: lunch
                Date: Thu, 9 Apr 2015 10:00:00 +0900

                Shall we meet at noon? Reply to neko@example.org.
                """;
        assertFalse(!analyze(message, StandardCharsets.US_ASCII).isEmpty());
    }

    @Test
    void complaintCarriesFeedbackType() {
        String message = """
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
                Original-Rcpt-To: <user@isp.example>

                --F
                Content-Type: message/rfc822

                From: news@example.jp
                To: user@isp.example
                Message-ID: <n1@example.jp>

                hi
                --F--
                """;
        BounceFact f = analyze(message, StandardCharsets.US_ASCII).get(0);
        assertEquals("user@isp.example", f.recipient());
        assertEquals("feedback", f.reason());
        assertEquals("abuse", f.feedbackType());
        assertNull(f.hardBounce());
    }
}
