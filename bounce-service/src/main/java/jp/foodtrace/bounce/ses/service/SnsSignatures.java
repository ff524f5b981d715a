package jp.foodtrace.bounce.ses.service;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import jp.foodtrace.bounce.config.BounceConfig;
import jp.foodtrace.bounce.ses.service.SesNotifications.SnsMessage;

/**
 * Checks the signature of an SNS message as AWS documents it ("Verifying the signatures of Amazon
 * SNS messages"): the signing certificate must come over HTTPS from an
 * {@code sns.<region>.amazonaws.com} host, the canonical string is built from the message's
 * fields in their fixed order, and the signature is SHA1withRSA (SignatureVersion 1) or
 * SHA256withRSA (2). Certificates are cached by URL. Off where
 * {@code suite.bounce.sns.verify-signatures=false} (the local platform, which has no SNS).
 */
@ApplicationScoped
public class SnsSignatures {

    private static final Logger LOG = Logger.getLogger(SnsSignatures.class);
    private static final Pattern CERT_HOST = Pattern.compile("sns\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?");

    private final boolean enabled;
    private final Function<URI, PublicKey> keys;

    @Inject
    public SnsSignatures(BounceConfig config) {
        this(config.sns().verifySignatures(), new CertificateFetcher());
        if (!enabled) {
            LOG.warn("SNS signatures are NOT verified (suite.bounce.sns.verify-signatures=false): "
                    + "acceptable only where nobody but the local platform can reach the endpoint");
        }
    }

    /** For tests: {@code keys} gives the public key of a signing certificate URL. */
    public SnsSignatures(boolean enabled, Function<URI, PublicKey> keys) {
        this.enabled = enabled;
        this.keys = keys;
    }

    /** Why the message must not be trusted, or null when it may (or when checking is off). */
    public String problem(SnsMessage m) {
        if (!enabled) {
            return null;
        }
        String algorithm = switch (m.signatureVersion()) {
            case "1" -> "SHA1withRSA";
            case "2" -> "SHA256withRSA";
            default -> null;
        };
        if (algorithm == null) {
            return "unsupported SignatureVersion '" + m.signatureVersion() + "'";
        }
        URI cert;
        try {
            cert = URI.create(m.signingCertUrl());
        } catch (IllegalArgumentException e) {
            return "SigningCertURL is not a URL";
        }
        if (!"https".equals(cert.getScheme()) || cert.getHost() == null || !CERT_HOST.matcher(cert.getHost()).matches()
                || cert.getPath() == null || !cert.getPath().endsWith(".pem")) {
            return "SigningCertURL is not an SNS certificate URL";
        }
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initVerify(keys.apply(cert));
            signature.update(canonical(m).getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(m.signature())) ? null : "signature does not match";
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return "signature cannot be checked: " + e.getMessage();
        } catch (IllegalStateException e) {
            return "signing certificate unavailable: " + e.getMessage();
        }
    }

    /** The string SNS signs: name and value lines of the type's fields, in this fixed order. */
    public static String canonical(SnsMessage m) {
        StringBuilder s = new StringBuilder();
        line(s, "Message", m.message());
        line(s, "MessageId", m.messageId());
        if ("Notification".equals(m.type())) {
            if (m.subject() != null) {
                line(s, "Subject", m.subject());
            }
            line(s, "Timestamp", m.timestamp());
        } else {
            line(s, "SubscribeURL", m.subscribeUrl());
            line(s, "Timestamp", m.timestamp());
            line(s, "Token", m.token());
        }
        line(s, "TopicArn", m.topicArn());
        line(s, "Type", m.type());
        return s.toString();
    }

    private static void line(StringBuilder s, String name, String value) {
        s.append(name).append('\n').append(value).append('\n');
    }

    /** Fetches and caches SNS signing certificates. */
    static final class CertificateFetcher implements Function<URI, PublicKey> {

        private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final Map<URI, PublicKey> cache = new ConcurrentHashMap<>();

        @Override
        public PublicKey apply(URI url) {
            return cache.computeIfAbsent(url, this::fetch);
        }

        private PublicKey fetch(URI url) {
            try {
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                        .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("HTTP " + response.statusCode() + " from " + url);
                }
                X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                        .generateCertificate(new ByteArrayInputStream(response.body()));
                certificate.checkValidity();
                return certificate.getPublicKey();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (Exception e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
    }
}
