package jp.foodtrace.bounce.ses.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jp.foodtrace.bounce.ses.SesSamples;

/**
 * The SNS checks with real cryptography: an RSA key pair and a self-signed certificate made for
 * the test (by the JDK's keytool), served to the verifier by a fetcher that counts its calls. The
 * fetch is the only part replaced; the signature check is the real one.
 */
class SnsSignaturesTest {

    private static final String TOPIC = "arn:aws:sns:us-west-2:123456789012:ses-notifications";
    private static final String CERT = "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-example.pem";

    private static PrivateKey signingKey;
    private static byte[] certificatePem;

    private final ObjectMapper json = new ObjectMapper();
    private final SesNotifications notifications = new SesNotifications(json);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final List<URI> fetched = new ArrayList<>();
    private final SnsSignatures.CertificateFetcher fetcher = url -> {
        fetched.add(url);
        return certificatePem;
    };
    private final SnsSignatures signatures = verifier(false);

    @BeforeAll
    static void keyPairAndSelfSignedCertificate() throws Exception {
        Path store = Path.of("target", "sns-test-" + UUID.randomUUID() + ".p12").toAbsolutePath();
        Files.createDirectories(store.getParent());
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "sns", "-keyalg", "RSA", "-keysize", "2048",
                "-sigalg", "SHA256withRSA", "-dname", "CN=sns.us-west-2.amazonaws.com", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "test-pass", "-keypass", "test-pass")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, "test-pass".toCharArray());
        } finally {
            Files.deleteIfExists(store);
        }
        signingKey = (PrivateKey) keys.getKey("sns", "test-pass".toCharArray());
        X509Certificate certificate = (X509Certificate) keys.getCertificate("sns");
        certificatePem = ("-----BEGIN CERTIFICATE-----\n" + Base64.getMimeEncoder().encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n").getBytes(StandardCharsets.US_ASCII);
    }

    private SnsSignatures verifier(boolean allowV1) {
        return new SnsSignatures(true, Optional.of(TOPIC), allowV1, fetcher, Clock.systemUTC(), meters);
    }

    @Test
    void correctlySignedVersion2IsTrusted() throws Exception {
        assertNull(signatures.refusal(notification("2", Instant.now())));
        assertNull(signatures.refusal(signed(SesSamples.subscriptionConfirmation(), "2", Instant.now(), CERT)));
    }

    @Test
    void version1IsRefusedUnlessAllowed() throws Exception {
        assertEquals("signature-version", signatures.refusal(notification("1", Instant.now())).code());
        assertNull(verifier(true).refusal(notification("1", Instant.now())));
        assertEquals(1.0, refusals("signature-version"));
    }

    @Test
    void anotherTopicIsRefusedAlsoWithoutSignatureChecks() throws Exception {
        ObjectNode n = (ObjectNode) json.readTree(SesSamples.sns("m-t", SesSamples.complaint("a@example.jp")));
        n.put("TopicArn", "arn:aws:sns:us-west-2:999999999999:someone-elses-topic");
        SesNotifications.SnsMessage foreign = sign(n, "2");
        assertEquals("unknown-topic", signatures.refusal(foreign).code());
        SnsSignatures unchecked = new SnsSignatures(false, Optional.of(TOPIC), false, fetcher, Clock.systemUTC(), meters);
        assertEquals("unknown-topic", unchecked.refusal(foreign).code());
        SnsSignatures noTopic = new SnsSignatures(true, Optional.empty(), false, fetcher, Clock.systemUTC(), meters);
        assertEquals("unknown-topic", noTopic.refusal(notification("2", Instant.now())).code(),
                "without a configured topic nothing is taken");
        assertEquals(3.0, refusals("unknown-topic"));
    }

    @Test
    void timestampOutsideTheWindowIsRefused() throws Exception {
        assertEquals("stale-timestamp", signatures.refusal(notification("2", Instant.now().minus(Duration.ofMinutes(61)))).code());
        assertEquals("stale-timestamp", signatures.refusal(notification("2", Instant.now().plus(Duration.ofMinutes(6)))).code());
        assertNull(signatures.refusal(notification("2", Instant.now().minus(Duration.ofMinutes(59)))));
        assertNull(signatures.refusal(notification("2", Instant.now().plus(Duration.ofMinutes(4)))));
        assertEquals(2.0, refusals("stale-timestamp"));
    }

    @Test
    void alteredMessageIsRefused() throws Exception {
        SesNotifications.SnsMessage good = notification("2", Instant.now());
        SesNotifications.SnsMessage altered = new SesNotifications.SnsMessage(good.type(), good.messageId(), good.topicArn(),
                good.subject(), good.message().replace("a@example.jp", "b@example.jp"), good.timestamp(),
                good.signatureVersion(), good.signature(), good.signingCertUrl(), good.subscribeUrl(), good.token(), good.raw());
        assertEquals("bad-signature", signatures.refusal(altered).code());
        assertEquals(1.0, refusals("bad-signature"));
    }

    @Test
    void certificateUrlsOtherThanHttpsSnsAreRefusedBeforeAnyFetch() throws Exception {
        for (String url : new String[] {
                "https://sns.us-west-2.amazonaws.com.evil.example/cert.pem",
                "https://evil.example/SimpleNotificationService-example.pem",
                "https://sns.us-west-2.amazonaws.com@evil.example/cert.pem",
                "https://sns.us-west-2.amazonaws.com:8443/cert.pem",
                "http://sns.us-west-2.amazonaws.com/SimpleNotificationService-example.pem",
                "https://169.254.169.254/latest/meta-data.pem",
                "file:///etc/passwd.pem" }) {
            ObjectNode n = (ObjectNode) json.readTree(SesSamples.sns(SesSamples.complaint("a@example.jp")));
            n.put("Timestamp", Instant.now().toString());
            SesNotifications.SnsMessage m = signAt(n, "2", url);
            assertEquals("untrusted-url", signatures.refusal(m).code(), url);
        }
        assertEquals(List.of(), fetched, "nothing was fetched");
        assertEquals(7.0, refusals("untrusted-url"));
    }

    @Test
    void foreignSubscribeUrlIsRefused() throws Exception {
        ObjectNode n = (ObjectNode) json.readTree(SesSamples.subscriptionConfirmation());
        n.put("SubscribeURL", "https://evil.example/?Action=ConfirmSubscription");
        n.put("Timestamp", Instant.now().toString());
        assertEquals("untrusted-url", signatures.refusal(signAt(n, "2", CERT)).code());
    }

    @Test
    void certificatesAreFetchedOncePerUrlAndTheCacheIsBounded() throws Exception {
        assertNull(signatures.refusal(notification("2", Instant.now())));
        assertNull(signatures.refusal(notification("2", Instant.now())));
        assertNull(signatures.refusal(notification("2", Instant.now())));
        assertEquals(1, fetched.size(), "one fetch for three messages: " + fetched);

        for (int i = 0; i < SnsSignatures.CACHED_CERTIFICATES; i++) {
            ObjectNode n = (ObjectNode) json.readTree(SesSamples.sns(SesSamples.complaint("a@example.jp")));
            n.put("Timestamp", Instant.now().toString());
            assertNull(signatures.refusal(signAt(n, "2", "https://sns.us-west-2.amazonaws.com/cert-" + i + ".pem")));
        }
        assertEquals(1 + SnsSignatures.CACHED_CERTIFICATES, fetched.size());
        assertNull(signatures.refusal(notification("2", Instant.now())));
        assertEquals(2 + SnsSignatures.CACHED_CERTIFICATES, fetched.size(), "the first URL was evicted and fetched again");
    }

    @Test
    void signatureChecksMayBeOffOnlyInDevTestAndLocal() {
        assertThrows(IllegalStateException.class, () -> SnsSignatures.requireVerification(false, List.of("prod")));
        assertThrows(IllegalStateException.class, () -> SnsSignatures.requireVerification(false, List.of("staging")));
        for (String profile : new String[] {"dev", "test", "local"}) {
            assertDoesNotThrow(() -> SnsSignatures.requireVerification(false, List.of(profile)));
        }
        assertDoesNotThrow(() -> SnsSignatures.requireVerification(true, List.of("prod")));
    }

    private double refusals(String reason) {
        var counter = meters.find("suite.bounce_service.sns.refused").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private SesNotifications.SnsMessage notification(String version, Instant timestamp) throws Exception {
        return signed(SesSamples.sns(SesSamples.complaint("a@example.jp")), version, timestamp, CERT);
    }

    private SesNotifications.SnsMessage signed(String body, String version, Instant timestamp, String certUrl) throws Exception {
        ObjectNode n = (ObjectNode) json.readTree(body);
        n.put("Timestamp", timestamp.toString());
        return signAt(n, version, certUrl);
    }

    private SesNotifications.SnsMessage sign(ObjectNode n, String version) throws Exception {
        n.put("Timestamp", Instant.now().toString());
        return signAt(n, version, CERT);
    }

    private SesNotifications.SnsMessage signAt(ObjectNode n, String version, String certUrl) throws Exception {
        n.put("SignatureVersion", version);
        n.put("SigningCertURL", certUrl);
        Signature signer = Signature.getInstance("1".equals(version) ? "SHA1withRSA" : "SHA256withRSA");
        signer.initSign(signingKey);
        signer.update(SnsSignatures.canonical(notifications.envelope(n.toString())).getBytes(StandardCharsets.UTF_8));
        n.put("Signature", Base64.getEncoder().encodeToString(signer.sign()));
        return notifications.envelope(n.toString());
    }
}
