package jp.foodtrace.gateway.order;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JanTest {

    @Test
    void validCheckDigitIsAccepted() {
        assertTrue(Jan.isValid("4901234567894"));
        assertTrue(Jan.isValid("4912345678904"));
    }

    @Test
    void wrongCheckDigitLengthOrCharactersAreRefused() {
        assertFalse(Jan.isValid("4901234567890"));
        assertFalse(Jan.isValid("490123456789"));
        assertFalse(Jan.isValid("490123456789A"));
        assertFalse(Jan.isValid(null));
    }
}
