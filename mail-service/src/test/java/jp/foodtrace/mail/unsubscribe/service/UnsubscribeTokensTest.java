package jp.foodtrace.mail.unsubscribe.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import jp.foodtrace.mail.request.MailCategory;

class UnsubscribeTokensTest {

    private static final String KEY = "test-key-test-key-test-key-test-key-0001";
    private static final Instant NOW = Instant.parse("2026-03-01T00:00:00Z");
    private final UnsubscribeTokens tokens = new UnsubscribeTokens(KEY, Duration.ofDays(60), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void issuedTokenVerifiesToItsRecipientCategoryAndExpiry() {
        UnsubscribeTokens.Subject subject = tokens.verify(tokens.issue("member@example.jp", MailCategory.NOTICE));
        assertEquals("member@example.jp", subject.recipient());
        assertEquals(MailCategory.NOTICE, subject.category());
        assertEquals(NOW.plus(Duration.ofDays(60)), subject.expiresAt());
    }

    @Test
    void tokenSignedWithAnotherKeyIsRefusedAsInvalid() {
        UnsubscribeTokens other = new UnsubscribeTokens("another-key-another-key-another-key-0002", Duration.ofDays(60),
                Clock.fixed(NOW, ZoneOffset.UTC));
        String forged = other.issue("member@example.jp", MailCategory.NOTICE);
        assertRefused(forged, UnsubscribeTokens.Refusal.INVALID);
    }

    @Test
    void tokenWithAlteredRecipientIsRefusedAsInvalid() {
        String token = tokens.issue("member@example.jp", MailCategory.NOTICE);
        String signature = token.substring(token.indexOf('.'));
        String altered = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("victim@example.jp\nnotice\n" + NOW.plus(Duration.ofDays(60)).getEpochSecond())
                        .getBytes(StandardCharsets.UTF_8)) + signature;
        assertRefused(altered, UnsubscribeTokens.Refusal.INVALID);
    }

    @Test
    void tokenWithExtendedExpiryIsRefusedAsInvalid() {
        String token = tokens.issue("member@example.jp", MailCategory.NOTICE, NOW.minusSeconds(1));
        String signature = token.substring(token.indexOf('.'));
        String extended = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("member@example.jp\nnotice\n" + NOW.plus(Duration.ofDays(999)).getEpochSecond())
                        .getBytes(StandardCharsets.UTF_8)) + signature;
        assertRefused(extended, UnsubscribeTokens.Refusal.INVALID);
    }

    @Test
    void expiredTokenIsRefusedAsExpired() {
        assertRefused(tokens.issue("member@example.jp", MailCategory.NOTICE, NOW.minusSeconds(1)),
                UnsubscribeTokens.Refusal.EXPIRED);
        assertRefused(tokens.issue("member@example.jp", MailCategory.NOTICE, NOW), UnsubscribeTokens.Refusal.EXPIRED);
    }

    @Test
    void garbageIsRefusedAsInvalid() {
        assertRefused("", UnsubscribeTokens.Refusal.INVALID);
        assertRefused("no-dot-here", UnsubscribeTokens.Refusal.INVALID);
        assertRefused("a.b.c", UnsubscribeTokens.Refusal.INVALID);
        assertRefused("!!!.???", UnsubscribeTokens.Refusal.INVALID);
    }

    @Test
    void noTokenIsIssuedForTransactionalOrRecallMail() {
        assertThrows(IllegalArgumentException.class, () -> tokens.issue("member@example.jp", MailCategory.TRANSACTIONAL));
        assertThrows(IllegalArgumentException.class, () -> tokens.issue("member@example.jp", MailCategory.RECALL));
    }

    @Test
    void aValidlySignedTokenForTransactionalOrRecallMailIsRefused() throws Exception {
        for (String category : new String[] { "transactional", "recall" }) {
            byte[] payload = ("member@example.jp\n" + category + "\n" + NOW.plus(Duration.ofDays(1)).getEpochSecond())
                    .getBytes(StandardCharsets.UTF_8);
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
            assertRefused(encoder.encodeToString(payload) + "." + encoder.encodeToString(mac.doFinal(payload)),
                    UnsubscribeTokens.Refusal.INVALID);
        }
    }

    @Test
    void shortKeyIsRejectedAtStart() {
        assertThrows(IllegalArgumentException.class,
                () -> new UnsubscribeTokens("short", Duration.ofDays(1), Clock.systemUTC()));
    }

    private void assertRefused(String token, UnsubscribeTokens.Refusal expected) {
        UnsubscribeTokens.RefusedToken refused = assertThrows(UnsubscribeTokens.RefusedToken.class,
                () -> tokens.verify(token));
        assertEquals(expected, refused.refusal());
    }
}
