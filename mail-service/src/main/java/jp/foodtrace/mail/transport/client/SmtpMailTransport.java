package jp.foodtrace.mail.transport.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.URLName;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

/**
 * Sends over SMTP to a relay (Postfix on the NAT instance, which relays to SES's SMTP interface).
 * The composed bytes go out unchanged: the message is sent with {@code sendMessage}, which, unlike
 * {@code Transport.send}, does not rewrite the Message-ID. The envelope sender is the bounce
 * address, never the null sender.
 *
 * <p>A relay takes responsibility for a message when it answers the end-of-data mark
 * ({@code CRLF.CRLF}) with 250 (RFC 5321, 4.1.1.4); a session that breaks before that mark leaves
 * no message behind. The session therefore records whether the mark was written: a failure without
 * a reply after it is AMBIGUOUS and is not resent.
 */
public final class SmtpMailTransport implements MailTransport {

    private final Session session;
    private final URLName relay;

    public SmtpMailTransport(String host, int port, int timeoutMillis, String envelopeSender) {
        Properties props = new Properties();
        props.put("mail.transport.protocol", "smtp");
        props.put("mail.smtp.host", host);
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.from", envelopeSender);
        props.put("mail.smtp.connectiontimeout", Integer.toString(timeoutMillis));
        props.put("mail.smtp.timeout", Integer.toString(timeoutMillis));
        props.put("mail.smtp.writetimeout", Integer.toString(timeoutMillis));
        this.session = Session.getInstance(props);
        this.relay = new URLName("smtp", host, port, null, null, null);
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public String send(OutgoingMail mail) throws TransportFailure {
        MimeMessage message;
        String messageId;
        try {
            message = new MimeMessage(session, new ByteArrayInputStream(mail.rawMessage()));
            messageId = message.getMessageID();
        } catch (MessagingException e) {
            throw new TransportFailure("cannot read the composed message of " + mail.requestId() + ": " + e.getMessage(),
                    TransportFailure.Kind.PERMANENT, e);
        }
        MarkingSmtpTransport transport = new MarkingSmtpTransport(session, relay);
        try {
            transport.connect();
            transport.sendMessage(message, new Address[] { new InternetAddress(mail.recipient()) });
        } catch (MessagingException e) {
            TransportFailure.Kind kind = classify(e, transport.endOfDataWritten());
            String what = kind == TransportFailure.Kind.AMBIGUOUS ? "no answer from the SMTP relay after the message of "
                    : "SMTP relay refused request ";
            throw new TransportFailure(what + mail.requestId() + ": " + e.getMessage(), kind, e);
        } finally {
            closeQuietly(transport);
        }
        return messageId;
    }

    /** The relay has answered (or the send failed): a failing QUIT changes nothing about the message. */
    private static void closeQuietly(SMTPTransport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // Nothing to do: the outcome was decided by the reply to the end-of-data mark.
        }
    }

    /**
     * A reply decides where there is one: 4xx may pass later, 5xx will not (also after the
     * end-of-data mark: the relay answered that it did not take the message). Without a reply, a
     * failure after the end-of-data mark was written is AMBIGUOUS; before it (connection refused,
     * greeting, MAIL, RCPT, while the content streamed) nothing was accepted, so it is retried,
     * except a refused login.
     */
    static TransportFailure.Kind classify(MessagingException e, boolean endOfDataWritten) {
        int code = replyCode(e);
        if (code > 0) {
            return code >= 400 && code < 500 ? TransportFailure.Kind.TRANSIENT : TransportFailure.Kind.PERMANENT;
        }
        if (endOfDataWritten) {
            return TransportFailure.Kind.AMBIGUOUS;
        }
        return e instanceof AuthenticationFailedException ? TransportFailure.Kind.PERMANENT : TransportFailure.Kind.TRANSIENT;
    }

    private static int replyCode(MessagingException e) {
        int depth = 0;
        for (Exception next = e; next != null && depth < 10; depth++) {
            if (next instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode();
            }
            if (next instanceof SMTPAddressFailedException failed) {
                return failed.getReturnCode();
            }
            next = next instanceof MessagingException m ? m.getNextException() : null;
        }
        return -1;
    }

    /** One SMTP session that remembers whether the end-of-data mark (DATA or the last BDAT) was written. */
    static final class MarkingSmtpTransport extends SMTPTransport {

        private volatile boolean endOfDataWritten;

        MarkingSmtpTransport(Session session, URLName url) {
            super(session, url);
        }

        boolean endOfDataWritten() {
            return endOfDataWritten;
        }

        @Override
        protected void finishData() throws IOException, MessagingException {
            // Set before writing: a write that fails half-way may still have delivered the mark.
            endOfDataWritten = true;
            super.finishData();
        }

        @Override
        protected void finishBdat() throws IOException, MessagingException {
            endOfDataWritten = true;
            super.finishBdat();
        }
    }
}
