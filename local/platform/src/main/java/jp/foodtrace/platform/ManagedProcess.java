package jp.foodtrace.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * A background process of the platform, with its PID file and log file under the platform home.
 * The PID file is trusted only while that PID still runs a command line containing the
 * process's marker, so a stale file or a reused PID never makes us stop somebody else's process.
 */
public final class ManagedProcess {

    private final String name;
    private final PlatformConfig config;
    private final List<String> command;
    private final Map<String, String> environment;
    private final String marker;
    private final List<Integer> ports;

    public ManagedProcess(String name, PlatformConfig config, List<String> command, Map<String, String> environment,
            String marker, List<Integer> ports) {
        this.name = name;
        this.config = config;
        this.command = List.copyOf(command);
        this.environment = Map.copyOf(environment);
        this.marker = marker;
        this.ports = List.copyOf(ports);
    }

    /** Marker for java commands: a system property naming the component and the platform home. */
    public static String javaMarker(String name, PlatformConfig config) {
        return "-Dsuite.component=" + name + "@" + config.home();
    }

    public String name() {
        return name;
    }

    public Path logFile() {
        return config.logs().resolve(name + ".log");
    }

    Path pidFile() {
        return config.pids().resolve(name + ".pid");
    }

    public Optional<ProcessHandle> running() {
        Path pidFile = pidFile();
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            return ProcessHandle.of(pid)
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Starts the process unless it already runs; returns whether it was started now. */
    public boolean start() {
        if (running().isPresent()) {
            return false;
        }
        checkPortsFree();
        try {
            Files.createDirectories(config.logs());
            Files.createDirectories(config.pids());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(config.home().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().putAll(environment);
            Process process = builder.start();
            Files.writeString(pidFile(), Long.toString(process.pid()));
            return true;
        } catch (IOException e) {
            throw new SetupException("cannot start " + name + ": " + e.getMessage(), e);
        }
    }

    /** Fails with a clear message when one of the process's ports is taken by something else. */
    public void checkPortsFree() {
        if (running().isPresent()) {
            return;
        }
        for (int port : ports) {
            if (listening(config.host(), port)) {
                throw new SetupException("port " + port + " on " + config.host() + " is already in use, so " + name
                        + " cannot start; stop whatever listens there (ss -ltnp 'sport = :" + port + "') and retry");
            }
        }
    }

    /** Waits until {@code ready} holds; fails early, with the log tail, if the process died. */
    public void awaitReady(Duration timeout, BooleanSupplier ready) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (running().isEmpty()) {
                throw new SetupException(name + " stopped while starting; last lines of " + logFile() + ":\n"
                        + logTail(25));
            }
            if (ready.getAsBoolean()) {
                return;
            }
            sleep(250);
        }
        throw new SetupException(name + " was not ready after " + timeout.toSeconds() + " s; last lines of "
                + logFile() + ":\n" + logTail(25));
    }

    /** Stops the process (TERM, then KILL after the grace period); returns whether one ran. */
    public boolean stop(Duration grace) {
        Optional<ProcessHandle> process = running();
        process.ifPresent(p -> {
            List<ProcessHandle> children = new ArrayList<>(p.descendants().toList());
            p.destroy();
            try {
                p.onExit().get(grace.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
            children.forEach(ProcessHandle::destroyForcibly);
        });
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return process.isPresent();
    }

    public String logTail(int lines) {
        try {
            if (!Files.exists(logFile())) {
                return "(no log)";
            }
            List<String> all = Files.readAllLines(logFile(), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    static boolean listening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupException("interrupted");
        }
    }

    /** The java executable of the running JVM, so every component runs on the same JDK. */
    static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
