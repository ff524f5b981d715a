package jp.foodtrace.mail.transport.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.time.Instant;
import java.util.Optional;

import jakarta.mail.MessagingException;

import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

import jp.foodtrace.mail.request.MailCategory;
import jp.foodtrace.mail.template.RenderedMail;
import jp.foodtrace.mail.template.service.MimeComposer;

class SmtpMailTransportTest {

    @Test
    void relayThatIsNotListeningIsARetriableFailure() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        SmtpMailTransport transport = new SmtpMailTransport("127.0.0.1", port, 2000, "bounces@mail.foodtrace.jp");
        MimeComposer composer = new MimeComposer("no-reply@mail.foodtrace.jp", "フードトレース");
        byte[] raw = composer.compose("m@example.jp", new RenderedMail("件名", "本文", "<p>本文</p>"),
                composer.newMessageId(), Instant.now(), Optional.empty());
        TransportFailure failure = assertThrows(TransportFailure.class,
                () -> transport.send(new OutgoingMail("r-1", "m@example.jp", MailCategory.TRANSACTIONAL, raw)));
        assertTrue(failure.retriable(), failure.getMessage());
    }

    private static SMTPSendFailedException reply(int code) {
        return new SMTPSendFailedException(".", code, code + " reply", null, null, null, null);
    }

    @Test
    void aReplyDecidesEvenAfterTheEndOfData() {
        assertEquals(TransportFailure.Kind.TRANSIENT, SmtpMailTransport.classify(reply(451), true));
        assertEquals(TransportFailure.Kind.PERMANENT, SmtpMailTransport.classify(reply(554), true));
        assertEquals(TransportFailure.Kind.PERMANENT, SmtpMailTransport.classify(reply(550), false));
    }

    @Test
    void aBrokenSessionIsAmbiguousOnlyAfterTheEndOfData() {
        MessagingException broken = new MessagingException("Exception reading response",
                new SocketException("Connection reset"));
        assertEquals(TransportFailure.Kind.AMBIGUOUS, SmtpMailTransport.classify(broken, true));
        assertEquals(TransportFailure.Kind.TRANSIENT, SmtpMailTransport.classify(broken, false));
        assertEquals(TransportFailure.Kind.AMBIGUOUS, SmtpMailTransport.classify(reply(-1), true),
                "end of stream instead of the reply to the end-of-data mark");
    }
}
