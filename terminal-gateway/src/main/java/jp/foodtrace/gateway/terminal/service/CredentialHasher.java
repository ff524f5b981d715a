package jp.foodtrace.gateway.terminal.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Terminal keys are stored as salted SHA-256. Keys are high-entropy secrets issued per terminal
 * (at least {@link #MIN_KEY_LENGTH} characters, enforced on import), so a fast hash is enough: a
 * slow password KDF protects guessable passwords, not random keys, and would cost every order
 * request milliseconds of CPU during the morning rush.
 */
public final class CredentialHasher {

    public static final int MIN_KEY_LENGTH = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private CredentialHasher() {
    }

    public static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    public static String hash(String salt, String key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(salt.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Constant-time comparison, so timing does not leak how much of a guess was right. */
    public static boolean matches(String salt, String expectedHash, String key) {
        return MessageDigest.isEqual(hash(salt, key).getBytes(StandardCharsets.US_ASCII),
                expectedHash.getBytes(StandardCharsets.US_ASCII));
    }
}
