package jp.foodtrace.gateway.order.service;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.gateway.access.AuthenticatedTerminal;
import jp.foodtrace.gateway.config.GatewayConfig;
import jp.foodtrace.gateway.order.rest.OrderRequest;
import jp.foodtrace.rest.Problem;
import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.text.Gtin;

/**
 * The checks the gateway makes before it acknowledges an order: shape, the terminal's own store,
 * JAN check digits (GTIN-13 or GTIN-8, the rule HQ's product master uses), quantities and the line
 * limit. It sees the order {@link OrderRequest#normalized() normalised}: codes in ASCII. Business rules that need master data
 * (orderable, quantity bounds, cut-off) are order-service's.
 */
@ApplicationScoped
public class OrderValidator {

    private final int maxLines;

    public OrderValidator(GatewayConfig config) {
        this.maxLines = config.maxLinesPerOrder();
    }

    public void validate(AuthenticatedTerminal terminal, OrderRequest order) {
        List<Problem.Detail> errors = check(terminal, order, null);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(422, "invalid-order", "Order not valid",
                    "the order has " + errors.size() + " error(s)", errors);
        }
    }

    /**
     * @param csvLines for CSV orders, the file line of each order line (used in the errors), or null
     *                 to report the order's own 1-based line numbers
     */
    public List<Problem.Detail> check(AuthenticatedTerminal terminal, OrderRequest order, List<Integer> csvLines) {
        List<Problem.Detail> errors = new ArrayList<>();
        Integer first = csvLines == null || csvLines.isEmpty() ? null : csvLines.get(0);
        if (order.storeCode() == null || order.storeCode().isBlank()) {
            errors.add(Problem.Detail.ofField(first, "storeCode", "required", "store code is required"));
        } else if (!order.storeCode().equals(terminal.storeCode())) {
            errors.add(Problem.Detail.ofField(first, "storeCode", "store-mismatch",
                    "terminal " + terminal.terminalId() + " orders for store " + terminal.storeCode()));
        }
        if (order.sequence() == null || order.sequence() < 0) {
            errors.add(Problem.Detail.ofField(first, "sequence", "required", "a non-negative sequence number is required"));
        }
        if (order.deliveryDate() == null) {
            errors.add(Problem.Detail.ofField(first, "deliveryDate", "required", "delivery date (YYYY-MM-DD) is required"));
        }
        if (order.lines() == null || order.lines().isEmpty()) {
            errors.add(Problem.Detail.ofField(first, "lines", "required", "an order needs at least one line"));
            return errors;
        }
        if (order.lines().size() > maxLines) {
            errors.add(Problem.Detail.ofField(first, "lines", "too-many-lines",
                    "an order may have at most " + maxLines + " lines, this one has " + order.lines().size()));
            return errors;
        }
        for (int i = 0; i < order.lines().size(); i++) {
            OrderRequest.Line line = order.lines().get(i);
            int number = csvLines == null ? i + 1 : csvLines.get(i);
            if (line == null) {
                errors.add(Problem.Detail.ofField(number, "lines", "required", "empty line"));
                continue;
            }
            if (!Gtin.isValid(line.itemCode())) {
                errors.add(Problem.Detail.ofField(number, "itemCode", "invalid-jan",
                        "not a JAN code (GTIN-13 or GTIN-8) with a valid check digit: " + line.itemCode()));
            }
            if (line.quantity() == null || line.quantity() <= 0 || line.quantity() > 99_999) {
                errors.add(Problem.Detail.ofField(number, "quantity", "invalid-quantity",
                        "quantity must be between 1 and 99999"));
            }
            if (line.unit() == null || !line.unit().matches("\\p{L}{1,8}")) {
                errors.add(Problem.Detail.ofField(number, "unit", "invalid-unit", "unit must be 1-8 letters, e.g. CS, PC or ケース"));
            }
        }
        return errors;
    }
}
