package jp.foodtrace.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpTimeoutException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

class FaultsTest {

    @Test
    void errorsAreCountedByStepAndKindThroughWrappers() {
        Faults faults = new Faults();
        faults.count("order", new TimeoutException("no answer in 10000 ms"));
        faults.count("order", new ExecutionException(new ConnectException("Connection refused")));
        faults.count("feed", new HttpTimeoutException("request timed out"));
        faults.count("ack", new Http.StatusException(503, Http.JSON.createObjectNode()));
        faults.count("misbehave", new IOException("Connection reset by peer"));
        faults.count("register", new IOException("broken pipe"));

        assertEquals(Map.of("order:timeout", 1L, "order:refused", 1L, "feed:timeout", 1L, "ack:http-503", 1L,
                "misbehave:closed", 1L, "register:io", 1L), faults.snapshot());
        assertEquals(6, faults.total());
    }
}
