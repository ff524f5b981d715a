package jp.foodtrace.sync.master.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import jp.foodtrace.messaging.events.ProductMaster;
import jp.foodtrace.messaging.events.StoreMaster;
import jp.foodtrace.sync.batch.Rejected;
import jp.foodtrace.sync.master.rest.ProductInput;
import jp.foodtrace.sync.master.rest.StoreInput;

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
}
