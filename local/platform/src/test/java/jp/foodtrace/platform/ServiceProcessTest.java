package jp.foodtrace.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The service JVMs' options: what every local run gets, and what only JVMs that know it get. */
class ServiceProcessTest {

    @Test
    void nativeHeapTrimmingOnlyWhereTheJvmKnowsTheOption() {
        assertTrue(ServiceProcess.trimsNativeHeap(Runtime.Version.parse("17.0.15+6")));
        assertTrue(ServiceProcess.trimsNativeHeap(Runtime.Version.parse("17.0.9")));
        assertFalse(ServiceProcess.trimsNativeHeap(Runtime.Version.parse("17.0.8")));
        assertFalse(ServiceProcess.trimsNativeHeap(Runtime.Version.parse("21")));
        assertTrue(ServiceProcess.trimsNativeHeap(Runtime.Version.parse("21.0.1")));
        assertFalse(ServiceProcess.trimsNativeHeap(Runtime.Version.parse("19.0.2")));
        assertTrue(ServiceProcess.trimsNativeHeap(Runtime.Version.parse("25")));
    }

    @Test
    void heapCollectorAndGcLogAreSet() {
        List<String> options = ServiceProcess.jvmOptions(SuiteService.TERMINAL_GATEWAY, Path.of("/tmp/logs/terminal-gateway-gc.log"));
        assertTrue(options.containsAll(List.of("-Xmx256m", "-Xmn64m", "-XX:+UseSerialGC")), options.toString());
        assertTrue(options.stream().anyMatch(o -> o.startsWith("-Xlog:gc:file=/tmp/logs/terminal-gateway-gc.log:")),
                options.toString());
    }

    @Test
    void theTerminalPathRunsWithC1OnlyUnlessToldOtherwise() {
        assertTrue(ServiceProcess.c1Only(SuiteService.ORDER_SERVICE, "c1", "tiered"));
        assertTrue(ServiceProcess.c1Only(SuiteService.SYNC_SERVICE, "", "tiered"));
        assertFalse(ServiceProcess.c1Only(SuiteService.TERMINAL_GATEWAY, "c1", "tiered"), "SUITE_GATEWAY_JIT=tiered");
        assertTrue(ServiceProcess.c1Only(SuiteService.TERMINAL_GATEWAY, "tiered", "c1"), "the gateway's default");
        assertFalse(ServiceProcess.c1Only(SuiteService.BOUNCE_SERVICE, "c1", "tiered"));
        assertFalse(ServiceProcess.c1Only(SuiteService.ORDER_SERVICE, "tiered", "tiered"), "SUITE_CONSUMER_JIT=tiered");
        assertFalse(ServiceProcess.c1Only(SuiteService.SYNC_SERVICE, " Tiered ", "tiered"));
        assertTrue(ServiceProcess.c1Only(SuiteService.TERMINAL_GATEWAY, "c1", "C1"), "SUITE_GATEWAY_JIT=c1");
        assertFalse(ServiceProcess.c1Only(SuiteService.ORDER_SERVICE, "tiered", "c1"), "each setting for its own services");
    }
}
