package jp.foodtrace.console.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class OutboxPanelTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Views.Parked read(String body) throws Exception {
        return Console.outbox("sync-service", JSON.readTree(body));
    }

    @Test
    void nothingWaitingNothingParkedIsGreen() throws Exception {
        Views.Parked row = read("{\"pending\":0,\"oldestPendingAt\":null,\"parked\":0}");
        assertEquals(0, row.pending());
        assertEquals(-1, row.oldestPendingSeconds());
        assertEquals("–", row.oldestPending());
        assertEquals("ok", row.level());
    }

    @Test
    void anEventWaitingOverAMinuteIsAmberAndAParkedOneRed() throws Exception {
        String twoMinutesAgo = Instant.now().minusSeconds(120).toString();
        Views.Parked waiting = read("{\"pending\":3,\"oldestPendingAt\":\"" + twoMinutesAgo + "\",\"parked\":0}");
        assertEquals(3, waiting.pending());
        assertTrue(waiting.oldestPendingSeconds() >= 120 && waiting.oldestPendingSeconds() < 180,
                String.valueOf(waiting.oldestPendingSeconds()));
        assertEquals("warning", waiting.level());
        Views.Parked fresh = read("{\"pending\":3,\"oldestPendingAt\":\"" + Instant.now() + "\",\"parked\":0}");
        assertEquals("ok", fresh.level());
        Views.Parked parked = read("{\"pending\":0,\"oldestPendingAt\":null,\"parked\":2}");
        assertEquals("critical", parked.level());
        assertEquals("critical", new Views.Outbox(List.of(waiting, parked)).level());
        assertEquals("warning", new Views.Outbox(List.of(waiting, fresh)).level());
    }
}
