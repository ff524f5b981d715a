package jp.foodtrace.gateway.order.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.foodtrace.text.Csv;

class CsvOrderReaderTest {

    private static CsvOrderReader.Batch read(String... lines) {
        return CsvOrderReader.read(Csv.parse(String.join("\r\n", lines)));
    }

    @Test
    void fullWidthCodesNumbersDatesAndUnitsAreReadAsAscii() {
        CsvOrderReader.Batch batch = read("Ｓ００１,４２,２０３００１１５,４９０１２３４５６７８９４,１２,ＣＳ");

        CsvOrderReader.CsvOrder order = batch.orders().get(0);
        assertEquals(List.of(), order.errors());
        assertEquals(42, order.sequence());
        assertEquals("S001", order.request().storeCode());
        assertEquals(LocalDate.of(2030, 1, 15), order.request().deliveryDate());
        assertEquals(new OrderRequest.Line("4901234567894", 12, "CS"), order.request().lines().get(0));
    }

    @Test
    void unitsInKanaAndKanjiAreKeptAsWritten() {
        CsvOrderReader.CsvOrder order = read("S001,1,20300115,4901234567894,1,ケース",
                "S001,1,20300115,4912345678904,2,個").orders().get(0);

        assertEquals("ケース", order.request().lines().get(0).unit());
        assertEquals("個", order.request().lines().get(1).unit());
    }

    @Test
    void shortJanIsReadAsItIs() {
        CsvOrderReader.CsvOrder order = read("S001,1,20300115,４９０２１０２８,1,CS").orders().get(0);

        assertEquals("49021028", order.request().lines().get(0).itemCode());
    }

    @Test
    void quantityThatIsNoWholeNumberRejectsItsOrderWithTheLine() {
        CsvOrderReader.CsvOrder order = read("store_code,sequence,delivery_date,item_code,quantity,unit",
                "S001,1,20300115,4901234567894,１.５,CS").orders().get(0);

        assertEquals(1, order.errors().size());
        assertEquals(2, order.errors().get(0).line());
        assertEquals("invalid-quantity", order.errors().get(0).code());
        assertNull(order.request().lines().get(0).quantity());
    }

    @Test
    void fullWidthAndAsciiStoreCodeOfTheSameOrderAreConsistent() {
        CsvOrderReader.CsvOrder order = read("Ｓ００１,1,20300115,4901234567894,1,CS",
                "S001,1,20300115,4912345678904,1,CS").orders().get(0);

        assertTrue(order.errors().isEmpty(), order.errors().toString());
    }
}
