package jp.foodtrace.mail.client;

import java.io.ByteArrayInputStream;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;

/**
 * Sends over SMTP to a relay (Postfix on the NAT instance, which relays to SES's SMTP interface).
 * The composed bytes go out unchanged: the message is sent with {@code sendMessage}, which, unlike
 * {@code Transport.send}, does not rewrite the Message-ID. The envelope sender is the bounce
 * address, never the null sender.
 */
public final class SmtpMailTransport implements MailTransport {

    private final Session session;

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
    }

    @Override
    public String name() {
        return "smtp";
    }

    @Override
    public String send(OutgoingMail mail) throws TransportFailure {
        try {
            MimeMessage message = new MimeMessage(session, new ByteArrayInputStream(mail.rawMessage()));
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                transport.sendMessage(message, new Address[] { new InternetAddress(mail.recipient()) });
            }
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new TransportFailure("SMTP relay refused request " + mail.requestId() + ": " + e.getMessage(),
                    isRetriable(e), e);
        }
    }

    /** 4xx replies and connection trouble are worth another try; 5xx replies and bad logins are not. */
    static boolean isRetriable(MessagingException e) {
        int code = replyCode(e);
        if (code > 0) {
            return code >= 400 && code < 500;
        }
        return !(e instanceof AuthenticationFailedException);
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
}
