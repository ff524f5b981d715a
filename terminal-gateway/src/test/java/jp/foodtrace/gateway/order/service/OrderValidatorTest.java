package jp.foodtrace.gateway.order.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.foodtrace.gateway.access.AuthenticatedTerminal;
import jp.foodtrace.gateway.config.StubGatewayConfig;
import jp.foodtrace.gateway.order.rest.OrderRequest;
import jp.foodtrace.rest.Problem;

class OrderValidatorTest {

    private final OrderValidator validator = new OrderValidator(StubGatewayConfig.withMaxLines(200));
    private final AuthenticatedTerminal terminal = new AuthenticatedTerminal("T1", "S001", "127.0.0.1");

    private List<Problem.Detail> check(String... itemCodes) {
        List<OrderRequest.Line> lines = java.util.Arrays.stream(itemCodes)
                .map(code -> new OrderRequest.Line(code, 1, "CS")).toList();
        return validator.check(terminal, new OrderRequest("S001", 1L, LocalDate.of(2030, 1, 15), lines), null);
    }

    @Test
    void standardAndShortJansWithAValidCheckDigitAreAccepted() {
        assertEquals(List.of(), check("4901234567894", "49021028"));
    }

    @Test
    void wrongCheckDigitOrLengthIsAnInvalidJanOnItsLine() {
        List<Problem.Detail> errors = check("4901234567894", "4901234567890", "49021029", "490123456789");

        assertEquals(List.of(2, 3, 4), errors.stream().map(Problem.Detail::line).toList());
        assertEquals(List.of("invalid-jan"), errors.stream().map(Problem.Detail::code).distinct().toList());
    }
}
