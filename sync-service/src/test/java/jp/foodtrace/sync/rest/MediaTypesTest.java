package jp.foodtrace.sync.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import jp.foodtrace.sync.batch.Rejected;

class MediaTypesTest {

    @Test
    void fullWidthNumbersAndBooleansAreReadAsTheirAsciiForms() {
        assertEquals(12, MediaTypes.number("１２", "quantity"));
        assertEquals(50, MediaTypes.integer(" ５０ ", "max_quantity"));
        assertEquals(true, MediaTypes.bool("ｔｒｕｅ"));
        assertEquals(false, MediaTypes.bool("０"));
        assertNull(MediaTypes.integer("", "max_quantity"));
        assertNull(MediaTypes.bool(" "));
    }

    @Test
    void digitsOfOtherScriptsAndDecimalsRejectTheRecord() {
        // Long.parseLong would take these Arabic-Indic and Devanagari digits as 3 and 12.
        assertEquals("quantity is not a number: ٣", assertThrows(Rejected.class,
                () -> MediaTypes.number("٣", "quantity")).getMessage());
        assertThrows(Rejected.class, () -> MediaTypes.number("१२", "quantity"));
        assertThrows(Rejected.class, () -> MediaTypes.number("1.5", "quantity"));
    }

    @Test
    void charsetIsTheParameterOfTheMediaType() {
        assertEquals("Shift_JIS", MediaTypes.charset("text/csv; charset=Shift_JIS"));
        assertNull(MediaTypes.charset("text/csv"));
        assertNull(MediaTypes.charset(null));
    }
}
