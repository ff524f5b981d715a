package jp.foodtrace.mail.client;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import jp.foodtrace.mail.MailCategory;
import jp.foodtrace.mail.service.MimeComposer;
import jp.foodtrace.mail.service.RenderedMail;

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
}
