package jp.foodtrace.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagedProcessTest {

    @TempDir
    Path home;

    private PlatformConfig config() {
        return PlatformConfig.isolated(home, home, "unused");
    }

    @Test
    void portTakenByAnotherProcessIsReportedWithThePort() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ManagedProcess process = new ManagedProcess("sleeper", config(), List.of("sleep", "30"), Map.of(),
                    "sleep 30", List.of(taken.getLocalPort()));
            SetupException e = assertThrows(SetupException.class, process::start);
            assertTrue(e.getMessage().contains("port " + taken.getLocalPort()), e.getMessage());
            assertFalse(Files.exists(process.pidFile()), "nothing may be started");
        }
    }

    @Test
    void pidFileOfAProcessWithoutTheMarkerIsNotTrusted() throws IOException {
        PlatformConfig config = config();
        ManagedProcess process = new ManagedProcess("other", config, List.of("sleep", "30"), Map.of(),
                "-Dsuite.component=other@" + home, List.of());
        Files.createDirectories(config.pids());
        // A stale PID file naming this very JVM, which does not carry the marker.
        Files.writeString(process.pidFile(), Long.toString(ProcessHandle.current().pid()));
        assertTrue(process.running().isEmpty());
        assertFalse(process.stop(Duration.ofSeconds(1)), "must not stop a process it did not start");
        assertTrue(ProcessHandle.current().isAlive());
    }

    @Test
    void startIsIdempotentAndStopEndsTheProcess() {
        ManagedProcess process = new ManagedProcess("sleeper", config(), List.of("sleep", "37"), Map.of(),
                "sleep 37", List.of());
        assertTrue(process.start());
        long pid = process.running().orElseThrow().pid();
        assertFalse(process.start(), "second start must start nothing");
        assertEquals(pid, process.running().orElseThrow().pid());
        assertTrue(process.stop(Duration.ofSeconds(5)));
        assertTrue(ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true));
        assertTrue(process.running().isEmpty());
    }
}
