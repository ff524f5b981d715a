package jp.foodtrace.bounce.ses.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import jp.foodtrace.bounce.ses.SesSamples;

class SnsSignaturesTest {

    private static final String CERT = "https://sns.us-west-2.amazonaws.com/SimpleNotificationService-example.pem";

    private final ObjectMapper json = new ObjectMapper();
    private final SesNotifications notifications = new SesNotifications(json);
    private final KeyPair keys = rsa();
    private final SnsSignatures signatures = new SnsSignatures(true, url -> keys.getPublic());

    @Test
    void correctlySignedNotificationIsTrusted() throws Exception {
        assertNull(signatures.problem(signed(SesSamples.sns("m-1", SesSamples.complaint("a@example.jp")), "2", "SHA256withRSA")));
        assertNull(signatures.problem(signed(SesSamples.sns("m-2", SesSamples.complaint("a@example.jp")), "1", "SHA1withRSA")));
        assertNull(signatures.problem(signed(SesSamples.subscriptionConfirmation(), "2", "SHA256withRSA")));
    }

    @Test
    void alteredMessageIsRefused() throws Exception {
        SesNotifications.SnsMessage good = signed(SesSamples.sns("m-3", SesSamples.complaint("a@example.jp")), "2", "SHA256withRSA");
        SesNotifications.SnsMessage altered = new SesNotifications.SnsMessage(good.type(), good.messageId(), good.topicArn(),
                good.subject(), good.message().replace("a@example.jp", "b@example.jp"), good.timestamp(),
                good.signatureVersion(), good.signature(), good.signingCertUrl(), good.subscribeUrl(), good.token(), good.raw());
        assertEquals("signature does not match", signatures.problem(altered));
    }

    @Test
    void certificateFromAnotherHostIsRefusedBeforeAnyFetch() throws Exception {
        ObjectNode n = (ObjectNode) json.readTree(SesSamples.sns("m-4", SesSamples.complaint("a@example.jp")));
        n.put("SigningCertURL", "https://sns.us-west-2.amazonaws.com.evil.example/cert.pem");
        SnsSignatures noFetch = new SnsSignatures(true, url -> {
            throw new AssertionError("fetched " + url);
        });
        assertEquals("SigningCertURL is not an SNS certificate URL", noFetch.problem(notifications.envelope(n.toString())));
    }

    @Test
    void checkingCanBeSwitchedOff() {
        SnsSignatures off = new SnsSignatures(false, url -> {
            throw new AssertionError("fetched " + url);
        });
        assertNull(off.problem(notifications.envelope(SesSamples.sns("m-5", SesSamples.complaint("a@example.jp")))));
    }

    private SesNotifications.SnsMessage signed(String body, String version, String algorithm) throws Exception {
        ObjectNode n = (ObjectNode) json.readTree(body);
        n.put("SignatureVersion", version);
        n.put("SigningCertURL", CERT);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(keys.getPrivate());
        signer.update(SnsSignatures.canonical(notifications.envelope(n.toString())).getBytes(StandardCharsets.UTF_8));
        n.put("Signature", Base64.getEncoder().encodeToString(signer.sign()));
        return notifications.envelope(n.toString());
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
