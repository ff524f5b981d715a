package jp.foodtrace.gateway.order.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

class OrderRequestTest {

    private final ObjectMapper json = new ObjectMapper();

    private OrderRequest.Line line(String quantity) throws JsonProcessingException {
        return json.readValue("{\"itemCode\":\"4901234567894\",\"quantity\":" + quantity + ",\"unit\":\"CS\"}",
                OrderRequest.Line.class);
    }

    @Test
    void quantityIsReadFromANumberOrFromTextInAnyWidth() throws JsonProcessingException {
        assertEquals(12, line("12").quantity());
        assertEquals(12, line("\"12\"").quantity());
        assertEquals(12, line("\"１２\"").quantity());
    }

    @Test
    void quantityTextThatIsNoWholeNumberIsAMalformedBody() {
        assertThrows(JsonProcessingException.class, () -> line("\"twelve\""));
        assertThrows(JsonProcessingException.class, () -> line("\"1.5\""));
    }

    @Test
    void normalizedOrderHasAsciiCodesAndKeepsWhatIsNoJan() {
        OrderRequest typed = new OrderRequest(" Ｓ００１ ", 1L, LocalDate.of(2030, 1, 15), List.of(
                new OrderRequest.Line("４９０１２３４５６７８９４", 3, "ＣＳ"),
                new OrderRequest.Line("４９０１２３４５６７８９０", 1, "ｹｰｽ")));

        OrderRequest normalized = typed.normalized();

        assertEquals("S001", normalized.storeCode());
        assertEquals(new OrderRequest.Line("4901234567894", 3, "CS"), normalized.lines().get(0));
        // A wrong check digit stays for the validator to report, in ASCII; half-width kana are full-width.
        assertEquals(new OrderRequest.Line("4901234567890", 1, "ケース"), normalized.lines().get(1));
    }

    @Test
    void theSameOrderTypedInFullWidthHasTheSameFingerprint() {
        OrderRequest ascii = new OrderRequest("S001", 1L, LocalDate.of(2030, 1, 15),
                List.of(new OrderRequest.Line("4901234567894", 3, "CS")));
        OrderRequest wide = new OrderRequest("Ｓ００１", 1L, LocalDate.of(2030, 1, 15),
                List.of(new OrderRequest.Line("４９０１２３４５６７８９４", 3, "ＣＳ")));

        assertEquals(ascii.normalized().fingerprint(), wide.normalized().fingerprint());
    }
}
