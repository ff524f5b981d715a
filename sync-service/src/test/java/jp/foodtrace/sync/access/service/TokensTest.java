package jp.foodtrace.sync.access.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void tokensAreRandomWith256BitsAndStoredAsSha256Hex() {
        String a = Tokens.newToken();
        String b = Tokens.newToken();
        assertNotEquals(a, b);
        assertTrue(a.startsWith(Tokens.PREFIX));
        assertEquals(Tokens.PREFIX.length() + 43, a.length());
        assertEquals("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", Tokens.hash("test"));
    }

    @Test
    void sameSecretComparesWholeValues() {
        assertTrue(Tokens.sameSecret("abc", "abc"));
        assertFalse(Tokens.sameSecret("abc", "abd"));
        assertFalse(Tokens.sameSecret("abc", "abcd"));
    }
}
