package jp.foodtrace.sync.trace.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class LotQueryTest {

    /** 4901234567894 is a valid JAN-13; as GTIN-14 it is 04901234567894. */
    private static final String GTIN = "04901234567894";

    @Test
    void aPlainLotNumberIsTakenAsWrittenAfterCodeNormalisation() {
        assertEquals(new LotQuery("L-2026-001", Optional.empty()), LotQuery.parse("  Ｌ-２０２６-００１ "));
    }

    @Test
    void theHumanReadableElementStringGivesGtinAndLot() {
        LotQuery q = LotQuery.parse("(01)" + GTIN + "(10)LOT-7(17)271231");
        assertEquals("LOT-7", q.lotNumber());
        assertEquals(Optional.of(GTIN), q.gtin());
        assertEquals(Optional.of("4901234567894"), q.itemCode());
    }

    @Test
    void aRawScanEndsTheLotAtTheGroupSeparator() {
        assertEquals("AB12", LotQuery.parse("01" + GTIN + "10AB12\u001d17271231").lotNumber());
        assertEquals("AB12", LotQuery.parse("01" + GTIN + "10AB12").lotNumber());
    }

    @Test
    void aDigitalLinkOnAnyHostGivesTheDecodedLot() {
        LotQuery q = LotQuery.parse("https://id.gs1.org/01/" + GTIN + "/10/L%2F7%20A?17=271231");
        assertEquals("L/7 A", q.lotNumber());
        assertEquals(Optional.of(GTIN), q.gtin());
        assertEquals("LOT9", LotQuery.parse("https://example.jp/shop/01/" + GTIN + "/10/LOT9").lotNumber());
    }

    @Test
    void aShortJanInsideAGtin14LosesItsSixLeadingZeros() {
        assertEquals(Optional.of("49123456"), LotQuery.parse("(01)00000049123456(10)X").itemCode());
    }

    @Test
    void aWrongCheckDigitIsRefused() {
        LotQuery.Invalid e = assertThrows(LotQuery.Invalid.class, () -> LotQuery.parse("(01)04901234567895(10)X"));
        assertEquals("errorGtin", e.key());
        assertTrue(LotQuery.checkDigitValid(GTIN));
        assertFalse(LotQuery.checkDigitValid("04901234567890"));
    }

    @Test
    void aGs1CodeWithoutLotAndALinkWithoutOneAreRefused() {
        assertEquals("errorNoLot", assertThrows(LotQuery.Invalid.class,
                () -> LotQuery.parse("(01)" + GTIN + "(17)271231")).key());
        assertEquals("errorLink", assertThrows(LotQuery.Invalid.class,
                () -> LotQuery.parse("https://id.gs1.org/01/" + GTIN)).key());
    }

    @Test
    void emptyOverlongAndControlCharacterInputsAreRefused() {
        assertEquals("errorEmpty", assertThrows(LotQuery.Invalid.class, () -> LotQuery.parse("  ")).key());
        assertEquals("errorLot", assertThrows(LotQuery.Invalid.class, () -> LotQuery.parse("L".repeat(65))).key());
        assertEquals("errorLot", assertThrows(LotQuery.Invalid.class, () -> LotQuery.parse("L\u00071")).key());
    }
}
