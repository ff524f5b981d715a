package jp.foodtrace.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** What counts as acknowledged for the gateway and for the benchmark peers. */
class AcknowledgementTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void gatewayOrdersNeedAReceipt() throws Exception {
        assertEquals("r-1", TerminalFleetSim.acknowledgement("/v1/orders", JSON.readTree("{\"receiptId\":\"r-1\"}")));
        assertEquals("", TerminalFleetSim.acknowledgement("/v1/orders", JSON.readTree("{\"bytes\":3}")));
    }

    @Test
    void bridgeRecordsNeedAnOffsetWithoutError() throws Exception {
        assertEquals("offset-3-42", TerminalFleetSim.acknowledgement("/topics/bench.bridge",
                JSON.readTree("{\"offsets\":[{\"partition\":3,\"offset\":42}]}")));
        assertEquals("", TerminalFleetSim.acknowledgement("/topics/bench.bridge",
                JSON.readTree("{\"offsets\":[{\"error_code\":500,\"message\":\"timeout\"}]}")));
    }

    @Test
    void theNoopEndpointIsAcknowledgedByItsStatus() throws Exception {
        assertEquals("2xx", TerminalFleetSim.acknowledgement("/v1/bench/noop", JSON.readTree("{\"bytes\":3}")));
    }

    @Test
    void bridgeBodyCarriesTheOrderAsTheValueKeyedByStore() throws Exception {
        FleetTerminal t = new FleetTerminal("T00001", "S0001", "127.20.0.1", "k");
        String body = TerminalFleetSim.bridgeBody(t, "{\"storeCode\":\"S0001\",\"lines\":[]}");
        var tree = JSON.readTree(body);
        assertEquals("S0001", tree.path("records").path(0).path("key").asText());
        assertEquals("S0001", tree.path("records").path(0).path("value").path("storeCode").asText());
    }
}
