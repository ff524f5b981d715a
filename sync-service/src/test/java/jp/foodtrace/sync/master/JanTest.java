package jp.foodtrace.sync.master;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JanTest {

    @Test
    void validCheckDigitsOfJan13AndJan8AreAccepted() {
        assertTrue(Jan.valid("4901234567894"));
        assertTrue(Jan.valid("4512345678906"));
        assertTrue(Jan.valid("49123456"));
    }

    @Test
    void wrongCheckDigitLengthOrNonDigitsAreRefused() {
        assertFalse(Jan.valid("4901234567895"));
        assertFalse(Jan.valid("490123456789"));
        assertFalse(Jan.valid("49O1234567894"));
        assertFalse(Jan.valid(null));
    }
}
