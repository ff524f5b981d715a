package jp.foodtrace.mail.template.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import jp.foodtrace.mail.request.service.InvalidMailRequest;
import jp.foodtrace.mail.request.service.MailRequestValidator;
import jp.foodtrace.mail.template.RenderedMail;

/**
 * Header injection: a recipient or a parameter that carries a line break must never add a header
 * (a Bcc that copies a recall to a stranger, a second To) to the mail we sign and send.
 */
class HeaderInjectionTest {

    private final MimeComposer composer = new MimeComposer("no-reply@mail.foodtrace.jp", "フードトレース");

    @ParameterizedTest
    @ValueSource(strings = {
            "member@example.jp\r\nBcc: thief@evil.example",
            "member@example.jp\nBcc: thief@evil.example",
            "member@example.jp, thief@evil.example",
            "Member <member@example.jp>",
            "member@example.jp\r\n\r\nbody",
    })
    void aRecipientThatIsNotOnePlainAddressIsRefused(String recipient) {
        InvalidMailRequest refused = assertThrows(InvalidMailRequest.class,
                () -> MailRequestValidator.normalizedAddress(recipient));
        assertEquals(MailRequestValidator.INVALID_FIELD, refused.code());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Recall\r\nBcc: thief@evil.example",
            "Recall\nBcc: thief@evil.example",
            "Recall\rBcc: thief@evil.example",
            "回収\r\nBcc: thief@evil.example",
    })
    void aLineBreakInTheSubjectAddsNoHeader(String subject) throws Exception {
        byte[] raw = composer.compose("member@example.jp", new RenderedMail(subject, "text", "<p>html</p>"),
                composer.newMessageId(), Instant.parse("2026-03-01T00:00:00Z"), Optional.empty());
        String headers = new String(raw, StandardCharsets.ISO_8859_1).split("\r\n\r\n", 2)[0];
        for (String line : headers.split("\r\n")) {
            assertFalse(line.regionMatches(true, 0, "Bcc:", 0, 4), "injected header line: " + line);
        }
        MimeMessage message = composer.parse(raw);
        assertNull(message.getHeader("Bcc"));
        assertArrayEquals(new Address[] { new jakarta.mail.internet.InternetAddress("member@example.jp") },
                message.getRecipients(Message.RecipientType.TO));
    }
}
