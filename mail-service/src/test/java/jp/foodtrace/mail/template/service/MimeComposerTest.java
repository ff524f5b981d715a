package jp.foodtrace.mail.template.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;

import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import org.junit.jupiter.api.Test;

import jp.foodtrace.mail.template.RenderedMail;

class MimeComposerTest {

    private final MimeComposer composer = new MimeComposer("no-reply@mail.foodtrace.jp", "フードトレース");
    private final RenderedMail mail = new RenderedMail("【重要】回収のお知らせ：国産若鶏もも肉", "本文です。", "<p>本文です。</p>");

    @Test
    void japaneseNoticeIsUtf8MultipartAlternativeWithEncodedSubjectAndOneClickHeaders() throws Exception {
        byte[] raw = composer.compose("member@example.jp", mail, "<abc@mail.foodtrace.jp>",
                Instant.parse("2026-03-01T00:00:00Z"),
                Optional.of(new MimeComposer.Unsubscribe("https://mail.foodtrace.jp/v1/unsubscribe/T", "mailto:u@mail.foodtrace.jp")));
        String headers = new String(raw, StandardCharsets.US_ASCII).split("\r\n\r\n", 2)[0];
        assertTrue(headers.contains("Subject: =?UTF-8?"), headers);
        assertFalse(new String(raw, StandardCharsets.ISO_8859_1).chars().anyMatch(c -> c > 127),
                "the message must be 7-bit: every non-ASCII byte encoded");

        MimeMessage message = composer.parse(raw);
        assertEquals(mail.subject(), message.getSubject());
        assertEquals("<abc@mail.foodtrace.jp>", message.getMessageID());
        assertEquals(Instant.parse("2026-03-01T00:00:00Z"), message.getSentDate().toInstant());
        assertEquals("フードトレース", MimeUtility.decodeText(message.getHeader("From", null).replaceAll(" <.*", "")));
        assertEquals("<https://mail.foodtrace.jp/v1/unsubscribe/T>, <mailto:u@mail.foodtrace.jp>",
                MimeUtility.unfold(message.getHeader("List-Unsubscribe", null)));
        assertEquals("List-Unsubscribe=One-Click", message.getHeader("List-Unsubscribe-Post", null));
        assertTrue(message.getContentType().startsWith("multipart/alternative"), message.getContentType());
        MimeMultipart parts = (MimeMultipart) message.getContent();
        assertEquals(2, parts.getCount());
        assertTrue(parts.getBodyPart(0).getContentType().toLowerCase().contains("text/plain; charset=utf-8"));
        assertTrue(parts.getBodyPart(1).getContentType().toLowerCase().contains("text/html; charset=utf-8"));
        assertEquals("本文です。", parts.getBodyPart(0).getContent());
        assertEquals("<p>本文です。</p>", parts.getBodyPart(1).getContent());
    }

    @Test
    void transactionalMailHasNoUnsubscribeHeaders() throws Exception {
        MimeMessage message = composer.parse(composer.compose("member@example.jp", mail, composer.newMessageId(),
                Instant.now(), Optional.empty()));
        assertNull(message.getHeader("List-Unsubscribe"));
        assertNull(message.getHeader("List-Unsubscribe-Post"));
        assertTrue(message.getMessageID().matches("<[0-9a-f-]{36}@mail\\.foodtrace\\.jp>"), message.getMessageID());
    }
}
