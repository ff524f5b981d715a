package jp.foodtrace.deploy;

import jp.foodtrace.platform.PlatformConfig;
import jp.foodtrace.platform.SmtpSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Postfix relay of deploy/postfix, installed from Debian and rendered by its own install
 * script, relays a mail to a local SMTP sink (GreenMail) that stands in for SES. The instance has
 * its own configuration and queue under target/ and listens on a free loopback port, so it does
 * not touch a system Postfix or port 25.
 */
class PostfixRelayTest {

    private static final String SENDER = "noreply@foodtrace.example.jp";
    private static final String RECIPIENT = "member@example.org";

    static Path work;
    static Path configDir;
    static SmtpSink sink;
    static PlatformConfig sinkConfig;
    static boolean postfixStarted;

    @BeforeAll
    static void prepare() throws IOException {
        Tools.require("postconf", "postfix", "libsasl2-modules", "ca-certificates");
        work = Path.of("target/postfix-relay").toAbsolutePath();
        configDir = work.resolve("etc");
        stopInstance();
        deleteTree(work);
        Files.createDirectories(work);
    }

    @AfterAll
    static void stop() {
        if (postfixStarted) {
            stopInstance();
        }
        if (sink != null) {
            sink.process().stop(Duration.ofSeconds(10));
        }
    }

    private static void stopInstance() {
        if (configDir != null && Files.isRegularFile(configDir.resolve("main.cf"))) {
            Tools.run(List.of("postfix", "-c", configDir.toString(), "stop"), Map.of(), null, 60);
        }
    }

    private static Map<String, String> settings(Path config, Path credentials) {
        Map<String, String> env = new HashMap<>();
        env.put("POSTFIX_CONFIG_DIR", config.toString());
        env.put("POSTFIX_QUEUE_DIR", config.resolveSibling(config.getFileName() + "-queue").toString());
        env.put("POSTFIX_DATA_DIR", config.resolveSibling(config.getFileName() + "-data").toString());
        env.put("MAILLOG_FILE", config.resolveSibling(config.getFileName() + ".log").toString());
        env.put("SASL_CREDENTIALS_FILE", credentials.toString());
        env.put("RELAY_HOSTNAME", "relay.foodtrace.internal");
        return env;
    }

    private static Tools.Result install(Map<String, String> env, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("bash",
                Tools.root().resolve("deploy/postfix/install.sh").toString()));
        command.addAll(List.of(args));
        return Tools.run(command, env, work, 120);
    }

    private static String postconf(Path config, String parameter) {
        Tools.Result result = Tools.run(List.of("postconf", "-c", config.toString(), "-h", parameter), Map.of(), null, 30);
        assertEquals(0, result.code(), result.output());
        return result.output().trim();
    }

    @Test
    void defaultRenderingRelaysToSesOnPort587WithTlsRequiredAndSaslFromTheCredentialsFile() throws IOException {
        Path config = work.resolve("ses-etc");
        Path credentials = work.resolve("ses-credentials");
        Files.writeString(credentials, "[email-smtp.ap-northeast-1.amazonaws.com]:587 USER:PASSWORD\n");
        Tools.Result result = install(settings(config, credentials), "--render-only");
        assertEquals(0, result.code(), result.output() + maillog("ses-etc"));

        assertEquals("[email-smtp.ap-northeast-1.amazonaws.com]:587", postconf(config, "relayhost"));
        assertEquals("encrypt", postconf(config, "smtp_tls_security_level"));
        assertEquals("yes", postconf(config, "smtp_sasl_auth_enable"));
        assertEquals("texthash:" + credentials, postconf(config, "smtp_sasl_password_maps"));
        assertEquals("", postconf(config, "mydestination"));
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(credentials)));
    }

    @Test
    void credentialsInsideTheRepositoryAreRefused() throws IOException {
        Path inside = Tools.root().resolve("deploy/postfix/credentials-test-" + UUID.randomUUID());
        try {
            Files.writeString(inside, "[x]:587 a:b\n");
            Tools.Result result = install(settings(work.resolve("refused-etc"), inside), "--render-only");
            assertNotEquals(0, result.code(), result.output());
            assertTrue(result.output().contains("outside the repository"), result.output());
        } finally {
            Files.deleteIfExists(inside);
        }
    }

    @Test
    void mailSubmittedToTheRelayArrivesAtTheSink() throws Exception {
        sinkConfig = PlatformConfig.isolated(Tools.root(), work.resolve("sink"), "unused");
        sink = new SmtpSink(sinkConfig);
        sink.up();

        int smtpdPort = freePort();
        Path credentials = work.resolve("sink-credentials");
        Files.writeString(credentials, "[127.0.0.1]:" + sinkConfig.smtpPort() + " relay:secret\n");
        Map<String, String> env = settings(configDir, credentials);
        // The only differences from production: the sink instead of SES, no TLS (the sink has
        // none), a private listener port and no chroot (the test queue has no chroot set-up).
        env.put("RELAY_HOST", "127.0.0.1");
        env.put("RELAY_PORT", String.valueOf(sinkConfig.smtpPort()));
        env.put("TLS_LEVEL", "none");
        env.put("SMTPD_LISTEN", "127.0.0.1:" + smtpdPort);
        env.put("POSTFIX_CHROOT", "n");
        Tools.Result installed = install(env);
        postfixStarted = true;
        assertEquals(0, installed.code(), installed.output() + maillog("etc"));
        Tools.Result again = install(env);
        assertEquals(0, again.code(), "install.sh is idempotent: " + again.output() + maillog("etc"));
        assertTrue(again.output().contains("Reloading"), again.output());

        String token = UUID.randomUUID().toString();
        awaitListening(smtpdPort);
        submit(smtpdPort, token);

        String inbox = "";
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline && !inbox.contains(token)) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + sinkConfig.smtpApiPort() + "/api/user/" + RECIPIENT + "/messages/INBOX/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            inbox = response.statusCode() == 200 ? response.body() : "";
            if (!inbox.contains(token)) {
                Thread.sleep(500);
            }
        }
        String log = maillog("etc");
        assertTrue(inbox.contains(token), "the relayed mail did not arrive; relay log:\n" + Tools.tail(log));
        assertTrue(log.contains("relay=127.0.0.1[127.0.0.1]:" + sinkConfig.smtpPort()) && log.contains("status=sent"),
                "the relay log shows the hand-over to the sink:\n" + Tools.tail(log));
    }

    /** The instance's own log (Postfix logs there, not to stderr, when not on a terminal). */
    private static String maillog(String instance) {
        try {
            Path log = work.resolve(instance + ".log");
            return "\n--- " + log + "\n" + (Files.exists(log) ? Tools.tail(Files.readString(log)) : "(no log)");
        } catch (IOException e) {
            return e.toString();
        }
    }

    private static void submit(int port, String token) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = socket.getOutputStream();
            expect(in, "220");
            command(out, in, "EHLO member.foodtrace.internal", "250");
            command(out, in, "MAIL FROM:<" + SENDER + ">", "250");
            command(out, in, "RCPT TO:<" + RECIPIENT + ">", "250");
            command(out, in, "DATA", "354");
            command(out, in, "From: " + SENDER + "\r\nTo: " + RECIPIENT + "\r\nSubject: relay check " + token
                    + "\r\n\r\nThrough the relay.\r\n.", "250");
            command(out, in, "QUIT", "221");
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, String expected) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, expected);
    }

    /** Reads a (possibly multi-line) SMTP reply and checks its code. */
    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) {
                throw new IOException("connection closed, expected " + code);
            }
        } while (line.length() > 3 && line.charAt(3) == '-');
        assertTrue(line.startsWith(code), "expected " + code + " but the relay said: " + line);
    }

    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("the relay does not listen on " + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }
}
