package jp.foodtrace.bounce.ses.service;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.configuration.ConfigUtils;
import jp.foodtrace.bounce.config.BounceConfig;
import jp.foodtrace.bounce.ses.service.SesNotifications.SnsMessage;

/**
 * Decides whether an SNS message may be trusted, as AWS documents it ("Verifying the signatures
 * of Amazon SNS messages"), and counts every refusal in {@code suite.bounce_service.sns.refused{reason}}:
 * <ul>
 * <li>{@code unknown-topic}: the TopicArn is not {@code suite.bounce.sns.topic-arn} (or none is set);
 * <li>{@code signature-version}: not SignatureVersion 2 (SHA256withRSA); 1 (SHA1withRSA) only with
 * {@code suite.bounce.sns.allow-signature-v1=true};
 * <li>{@code stale-timestamp}: the Timestamp is older than {@link #MAX_AGE} or more than
 * {@link #MAX_AHEAD} in the future (a replayed or forged message);
 * <li>{@code untrusted-url}: the SigningCertURL (or a SubscribeURL) is not https on a host
 * {@code sns.<region>.amazonaws.com[.cn]}: checked before anything is fetched, and nothing else is
 * ever fetched;
 * <li>{@code bad-signature}: the signature does not match the canonical string, or the certificate
 * cannot be had or is not valid now.
 * </ul>
 * The topic is always checked; the rest only while signatures are verified, which may be switched
 * off ({@code suite.bounce.sns.verify-signatures=false}) in the dev, test and local profiles only.
 * Certificates are fetched once per URL and kept in a small cache.
 */
@Startup
@ApplicationScoped
public class SnsSignatures {

    /** How old a message may be. */
    public static final Duration MAX_AGE = Duration.ofHours(1);
    /** How far in the future a message's Timestamp may be (clock skew). */
    public static final Duration MAX_AHEAD = Duration.ofMinutes(5);
    /** Certificates kept at most (SNS signs with one certificate per region at a time). */
    public static final int CACHED_CERTIFICATES = 16;
    /** The profiles in which signature checking may be off. */
    public static final Set<String> UNVERIFIED_PROFILES = Set.of("dev", "test", "local");

    /** Why a message is refused: {@code code} is the problem code and the metric's reason. */
    public record Refusal(String code, String detail) {
    }

    /** Gets the bytes of a signing certificate (PEM or DER) from an already checked URL. */
    @FunctionalInterface
    public interface CertificateFetcher {
        byte[] fetch(URI url) throws Exception;
    }

    private static final Logger LOG = Logger.getLogger(SnsSignatures.class);
    private static final Pattern SNS_HOST = Pattern.compile("sns\\.[a-z]{2}(?:-[a-z]+)+-\\d{1,2}\\.amazonaws\\.com(?:\\.cn)?");

    private final boolean verify;
    private final Optional<String> topicArn;
    private final boolean allowV1;
    private final CertificateFetcher fetcher;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<URI, X509Certificate> certificates = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<URI, X509Certificate> eldest) {
            return size() > CACHED_CERTIFICATES;
        }
    };

    @Inject
    public SnsSignatures(BounceConfig config, MeterRegistry meters, SnsCertificateFetcher fetcher) {
        this(config.sns().verifySignatures(), Optional.of(config.sns().topicArn()), config.sns().allowSignatureV1(), fetcher,
                Clock.systemUTC(), meters);
        requireVerification(verify, ConfigUtils.getProfiles());
        if (!verify) {
            LOG.warn("SNS signatures are NOT verified (suite.bounce.sns.verify-signatures=false): "
                    + "acceptable only where nobody but the local platform can reach the endpoint");
        }
        if (topicArn.isEmpty()) {
            LOG.warn("suite.bounce.sns.topic-arn is not set: every SNS message is refused");
        }
    }

    public SnsSignatures(boolean verify, Optional<String> topicArn, boolean allowV1, CertificateFetcher fetcher,
            Clock clock, MeterRegistry meters) {
        this.verify = verify;
        this.topicArn = topicArn.filter(t -> !t.isBlank());
        this.allowV1 = allowV1;
        this.fetcher = fetcher;
        this.clock = clock;
        this.meters = meters;
    }

    /** Refuses to start with signature checking off outside the dev, test and local profiles. */
    static void requireVerification(boolean verify, List<String> profiles) {
        if (!verify && profiles.stream().noneMatch(UNVERIFIED_PROFILES::contains)) {
            throw new IllegalStateException("suite.bounce.sns.verify-signatures=false is allowed only in the profiles "
                    + UNVERIFIED_PROFILES + ", not in " + profiles);
        }
    }

    /** Why the message must not be trusted (counted), or null when it may. */
    public Refusal refusal(SnsMessage m) {
        Refusal refusal = check(m);
        if (refusal != null) {
            Counter.builder("suite.bounce_service.sns.refused").tag("reason", refusal.code())
                    .description("SNS messages refused, by reason").register(meters).increment();
        }
        return refusal;
    }

    private Refusal check(SnsMessage m) {
        if (topicArn.isEmpty() || !topicArn.get().equals(m.topicArn())) {
            return new Refusal("unknown-topic", topicArn.isEmpty() ? "no SNS topic is configured" : "notification from another topic");
        }
        if (!verify) {
            return null;
        }
        String algorithm = switch (m.signatureVersion()) {
            case "2" -> "SHA256withRSA";
            case "1" -> allowV1 ? "SHA1withRSA" : null;
            default -> null;
        };
        if (algorithm == null) {
            return new Refusal("signature-version", "SignatureVersion '" + m.signatureVersion() + "' is not accepted");
        }
        Instant sent;
        try {
            sent = Instant.parse(m.timestamp());
        } catch (DateTimeParseException e) {
            return new Refusal("stale-timestamp", "Timestamp is not an ISO-8601 instant");
        }
        Instant now = clock.instant();
        if (sent.isBefore(now.minus(MAX_AGE)) || sent.isAfter(now.plus(MAX_AHEAD))) {
            return new Refusal("stale-timestamp", "Timestamp " + m.timestamp() + " is outside the accepted window");
        }
        URI cert = snsUrl(m.signingCertUrl());
        if (cert == null || !cert.getPath().endsWith(".pem")) {
            return new Refusal("untrusted-url", "SigningCertURL is not an SNS certificate URL");
        }
        if (!"Notification".equals(m.type()) && !m.subscribeUrl().isEmpty() && snsUrl(m.subscribeUrl()) == null) {
            return new Refusal("untrusted-url", "SubscribeURL is not an SNS URL");
        }
        X509Certificate certificate;
        try {
            certificate = certificate(cert);
            certificate.checkValidity(java.util.Date.from(now));
        } catch (Exception e) {
            return new Refusal("bad-signature", "signing certificate unavailable: " + e.getMessage());
        }
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initVerify(certificate.getPublicKey());
            signature.update(canonical(m).getBytes(StandardCharsets.UTF_8));
            return signature.verify(Base64.getDecoder().decode(m.signature())) ? null
                    : new Refusal("bad-signature", "signature does not match");
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return new Refusal("bad-signature", "signature cannot be checked: " + e.getMessage());
        }
    }

    /** The URL when it is https on an SNS host (no user info, default port), else null. */
    static URI snsUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (Exception e) {
            return null;
        }
        if (!"https".equals(uri.getScheme()) || uri.getRawUserInfo() != null || uri.getHost() == null
                || (uri.getPort() != -1 && uri.getPort() != 443) || uri.getPath() == null
                || !SNS_HOST.matcher(uri.getHost()).matches()) {
            return null;
        }
        return uri;
    }

    private X509Certificate certificate(URI url) throws Exception {
        synchronized (certificates) {
            X509Certificate cached = certificates.get(url);
            if (cached != null) {
                return cached;
            }
        }
        X509Certificate fetched = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(fetcher.fetch(url)));
        synchronized (certificates) {
            certificates.put(url, fetched);
        }
        return fetched;
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
}
