package jp.foodtrace.sync.master.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.foodtrace.messaging.events.ProductMaster;
import jp.foodtrace.messaging.events.StoreMaster;
import jp.foodtrace.sync.batch.Rejected;
import jp.foodtrace.sync.master.rest.ProductInput;
import jp.foodtrace.sync.master.rest.StoreInput;
import jp.foodtrace.text.Codes;

class MasterDataMappingTest {

    @Test
    void productInputMapsToTheEventWithTheGivenVersionAndTrimmedText() {
        assertEquals(new ProductMaster("4901234567894", "おにぎり", "個", true, 1, 50, 7),
                MasterDataService.toEvent(new ProductInput(" 4901234567894 ", " おにぎり ", "個", true, 1, 50), 7));
    }

    @Test
    void productWithBadJanOrQuantitiesIsRejectedWithAReason() {
        Rejected jan = assertThrows(Rejected.class,
                () -> MasterDataService.toEvent(new ProductInput("4901234567895", "x", "個", true, 1, 5), 0));
        assertEquals("itemCode 4901234567895 is not a JAN code (8 or 13 digits with a valid check digit)", jan.getMessage());
        Rejected qty = assertThrows(Rejected.class,
                () -> MasterDataService.toEvent(new ProductInput("4901234567894", "x", "個", true, 5, 2), 0));
        assertEquals("quantities must satisfy 1 <= minQuantity <= maxQuantity", qty.getMessage());
    }

    @Test
    void storeInputMapsToTheEventAndABlankContactIsNone() {
        assertEquals(new StoreMaster("S01", "新宿店", LocalTime.of(10, 30), null, 3),
                MasterDataService.toEvent(new StoreInput("S01", "新宿店", "10:30", " "), 3));
        assertThrows(Rejected.class, () -> MasterDataService.toEvent(new StoreInput("S01", "x", "10:30", "not-mail"), 0));
    }

    @Test
    void fullWidthJanQuantitiesAndUnitAreReadAsAsciiAndTheNameIsKeptAsWritten() {
        assertEquals(new ProductMaster("4901234567894", "ﾍﾞﾝﾄｳ ①号", "CS", true, 1, 50, 2),
                MasterDataService.toEvent(new ProductInput("４９０１２３４５６７８９４", "ﾍﾞﾝﾄｳ ①号", "ＣＳ", true, 1, 50), 2));
        assertEquals(new StoreMaster("S01", "㈱髙島屋①号店", LocalTime.of(10, 30), null, 1),
                MasterDataService.toEvent(new StoreInput("Ｓ０１", "㈱髙島屋①号店", "１０：３０", null), 1));
    }

    @Test
    void janMustBeGtin13OrGtin8WithItsCheckDigitInAsciiOrFullWidthDigits() {
        for (String valid : List.of("4901234567894", "4512345678906", "49123456", "４９１２３４５６")) {
            assertEquals(Codes.normalize(valid), MasterDataService.toEvent(product(valid), 0).itemCode(), valid);
        }
        // Wrong check digit, twelve digits, a letter O, and digits of another script (Devanagari),
        // which Character.isDigit would have let through.
        for (String invalid : List.of("4901234567895", "490123456789", "49O1234567894", "४९०१२३४५६७८९४")) {
            assertThrows(Rejected.class, () -> MasterDataService.toEvent(product(invalid), 0), invalid);
        }
    }

    private static ProductInput product(String itemCode) {
        return new ProductInput(itemCode, "x", "個", true, 1, 5);
    }
}
