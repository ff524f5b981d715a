package jp.foodtrace.mail.template.service;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UnsupportedEncodingException;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.internet.MimeUtility;

import jp.foodtrace.mail.template.RenderedMail;

/**
 * Builds the one MIME message of a request, byte for byte what either transport sends: UTF-8
 * throughout, RFC 2047 encoded subject and sender name, {@code multipart/alternative} with the
 * plain text first and the HTML last, our own Message-ID and Date, and for notice mail the
 * RFC 8058 one-click unsubscribe headers.
 */
public final class MimeComposer {

    public static final String LIST_UNSUBSCRIBE = "List-Unsubscribe";
    public static final String LIST_UNSUBSCRIBE_POST = "List-Unsubscribe-Post";
    public static final String ONE_CLICK = "List-Unsubscribe=One-Click";

    private static final String UTF_8 = "UTF-8";

    private final InternetAddress from;
    private final String messageIdDomain;
    private final Session session = Session.getInstance(new Properties());

    public MimeComposer(String fromAddress, String fromName) {
        try {
            this.from = new InternetAddress(fromAddress, fromName, UTF_8);
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
        this.messageIdDomain = fromAddress.substring(fromAddress.indexOf('@') + 1);
    }

    /** Where a notice mail's recipient can unsubscribe: an HTTPS URL for one-click POST and a mailto. */
    public record Unsubscribe(String httpsUrl, String mailto) {
    }

    /** A new, globally unique Message-ID in our domain, angle brackets included. */
    public String newMessageId() {
        return "<" + UUID.randomUUID() + "@" + messageIdDomain + ">";
    }

    public String fromAddress() {
        return from.getAddress();
    }

    public byte[] compose(String recipient, RenderedMail mail, String messageId, Instant date,
            Optional<Unsubscribe> unsubscribe) {
        try {
            MimeMessage message = new FixedIdMessage(session, messageId);
            message.setFrom(from);
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(recipient));
            message.setSubject(mail.subject(), UTF_8);
            message.setSentDate(Date.from(date));
            if (unsubscribe.isPresent()) {
                String value = "<" + unsubscribe.get().httpsUrl() + ">, <" + unsubscribe.get().mailto() + ">";
                message.setHeader(LIST_UNSUBSCRIBE, MimeUtility.fold(LIST_UNSUBSCRIBE.length() + 2, value));
                message.setHeader(LIST_UNSUBSCRIBE_POST, ONE_CLICK);
            }
            MimeBodyPart text = new MimeBodyPart();
            text.setText(mail.text(), UTF_8, "plain");
            MimeBodyPart html = new MimeBodyPart();
            html.setText(mail.html(), UTF_8, "html");
            MimeMultipart alternative = new MimeMultipart("alternative");
            alternative.addBodyPart(text);
            alternative.addBodyPart(html);
            message.setContent(alternative);
            message.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
            message.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("cannot compose the message for " + recipient, e);
        }
    }

    /** Reads a composed message back (the SMTP transport and tests). */
    public MimeMessage parse(byte[] raw) {
        try {
            return new MimeMessage(session, new java.io.ByteArrayInputStream(raw));
        } catch (MessagingException e) {
            throw new IllegalStateException("cannot parse a composed message", e);
        }
    }

    /** Keeps the Message-ID we chose; Jakarta Mail would otherwise invent one on saveChanges. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String messageId;

        FixedIdMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
        }
    }
}
