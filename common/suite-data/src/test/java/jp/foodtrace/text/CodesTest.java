package jp.foodtrace.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class CodesTest {

    @Test
    void fullWidthDigitsLettersAndIdeographicSpacesAreTheirAsciiForms() {
        assertEquals("CS", Codes.normalize("ＣＳ"));
        assertEquals("S-001", Codes.normalize("\u3000Ｓ－００１ "));
        assertEquals(12, Codes.parseInt("１２"));
        assertEquals(-3, Codes.parseInt("-3"));
    }

    @Test
    void numbersRejectOtherDigitsAndEmptyText() {
        assertThrows(NumberFormatException.class, () -> Codes.parseInt("١٢")); // Arabic-Indic digits stay what they are
        assertThrows(NumberFormatException.class, () -> Codes.parseInt(" "));
        assertThrows(NumberFormatException.class, () -> Codes.parseInt("1.5"));
        assertThrows(NumberFormatException.class, () -> Codes.parseInt("99999999999"));
    }

    @Test
    void janAcceptsGtin13AndGtin8WithTheirCheckDigitInAnyWidth() {
        assertEquals(Optional.of("4901234567894"), Gtin.parse("4901234567894"));
        assertEquals(Optional.of("4901234567894"), Gtin.parse("４９０１２３４５６７８９４"));
        assertEquals(Optional.of("49123456"), Gtin.parse("49123456"));
        assertTrue(Gtin.isValid("96385074"));
        assertFalse(Gtin.isValid("4901234567895"));
        assertFalse(Gtin.isValid("49123457"));
        assertFalse(Gtin.isValid("490123456789"));
        assertFalse(Gtin.isValid(null));
        assertFalse(Gtin.isValid("٤٩٠١٢٣٤٥٦٧٨٩٤"));
    }
}
