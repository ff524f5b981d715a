package jp.foodtrace.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class BearerTokenTest {

    @Test
    void theTokenOfABearerHeaderWhateverTheSchemesCase() {
        assertEquals(Optional.of("abc"), BearerToken.of("Bearer abc"));
        assertEquals(Optional.of("abc"), BearerToken.of("bearer  abc "));
    }

    @Test
    void noTokenWithoutHeaderOfAnotherSchemeOrEmpty() {
        assertEquals(Optional.empty(), BearerToken.of(null));
        assertEquals(Optional.empty(), BearerToken.of("Basic YTpi"));
        assertEquals(Optional.empty(), BearerToken.of("Bearer "));
        assertEquals(Optional.empty(), BearerToken.of("Bearer    "));
        assertEquals(Optional.empty(), BearerToken.of("Bearerabc"));
    }
}
