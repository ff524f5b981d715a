package jp.foodtrace.sync.feed.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import jp.foodtrace.sync.feed.FeedOrder;

class FeedMappingTest {

    @Test
    void feedOrderMapsToItsViewWithThePositionAsCursor() {
        Instant at = Instant.parse("2026-11-30T01:02:03Z");
        String trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00";
        FeedOrder order = new FeedOrder(42, "O1", "R1", "T1", "S1", 7, LocalDate.of(2026, 12, 1), at, trace,
                List.of(new FeedOrder.Line(1, "4901234567894", 3, "個")));
        assertEquals(new FeedOrderView("42", "O1", "R1", "T1", "S1", 7, LocalDate.of(2026, 12, 1), at, trace,
                List.of(new FeedOrderView.LineView(1, "4901234567894", 3, "個"))), FeedOrderView.of(order));
    }

    @Test
    void csvCharsetIsTakenFromTheTextCsvRangeOfAccept() {
        assertEquals("Shift_JIS", FeedResource.charsetOf("text/csv; charset=Shift_JIS"));
        assertEquals("utf-8", FeedResource.charsetOf("application/json, text/csv;q=0.9;charset=utf-8"));
        assertNull(FeedResource.charsetOf("text/csv"));
        assertNull(FeedResource.charsetOf(null));
    }
}
