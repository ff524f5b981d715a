package jp.foodtrace.mail.unsubscribe.service;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jp.foodtrace.mail.request.MailCategory;

/**
 * Signed, expiring unsubscribe tokens for one (recipient, category). The token is
 * {@code base64url(recipient LF category LF expiry-epoch-seconds) "." base64url(HMAC-SHA256)}:
 * the service keeps no state per link, and anyone changing a byte of it breaks the signature.
 */
public final class UnsubscribeTokens {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;
    private final Duration validity;
    private final Clock clock;

    public UnsubscribeTokens(String key, Duration validity, Clock clock) {
        if (key == null || key.length() < 32) {
            throw new IllegalArgumentException("unsubscribe key must have at least 32 characters");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.validity = validity;
        this.clock = clock;
    }

    /** What a valid token stands for. */
    public record Subject(String recipient, MailCategory category, Instant expiresAt) {
    }

    /** Why a token is refused. */
    public enum Refusal {
        /** Not a token of ours: wrong shape or signature (forged or altered). */
        INVALID,
        /** Ours and intact, but past its expiry. */
        EXPIRED
    }

    public static final class RefusedToken extends RuntimeException {
        private final Refusal refusal;

        RefusedToken(Refusal refusal, String message) {
            super(message, null, false, false);
            this.refusal = refusal;
        }

        public Refusal refusal() {
            return refusal;
        }
    }

    public String issue(String recipient, MailCategory category) {
        return issue(recipient, category, clock.instant().plus(validity));
    }

    /** Only for an unsubscribable category (notice): transactional and recall mail have no unsubscribe. */
    public String issue(String recipient, MailCategory category, Instant expiresAt) {
        if (!category.unsubscribable()) {
            throw new IllegalArgumentException("no unsubscribe for " + category.wireName() + " mail");
        }
        byte[] payload = (recipient + "\n" + category.wireName() + "\n" + expiresAt.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8);
        return ENCODER.encodeToString(payload) + "." + ENCODER.encodeToString(mac(payload));
    }

    public Subject verify(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot < 1 || dot != token.lastIndexOf('.')) {
            throw new RefusedToken(Refusal.INVALID, "the token is malformed");
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = DECODER.decode(token.substring(0, dot));
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw new RefusedToken(Refusal.INVALID, "the token is malformed");
        }
        if (!MessageDigest.isEqual(mac(payload), signature)) {
            throw new RefusedToken(Refusal.INVALID, "the token's signature does not match");
        }
        String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
        if (parts.length != 3) {
            throw new RefusedToken(Refusal.INVALID, "the token is malformed");
        }
        MailCategory category = MailCategory.fromWire(parts[1])
                .orElseThrow(() -> new RefusedToken(Refusal.INVALID, "the token names no known category"));
        if (!category.unsubscribable()) {
            // Never issued for these; a valid signature on one means a leaked key or an old bug.
            throw new RefusedToken(Refusal.INVALID, "there is no unsubscribe from " + category.wireName() + " mail");
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.ofEpochSecond(Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            throw new RefusedToken(Refusal.INVALID, "the token is malformed");
        }
        if (!clock.instant().isBefore(expiresAt)) {
            throw new RefusedToken(Refusal.EXPIRED, "the link expired at " + expiresAt);
        }
        return new Subject(parts[0], category, expiresAt);
    }

    private byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }
}
