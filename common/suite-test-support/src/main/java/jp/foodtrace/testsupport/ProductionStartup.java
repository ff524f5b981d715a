package jp.foodtrace.testsupport;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import jp.foodtrace.platform.PlatformConfig;

/**
 * Starts a service's packaged jar ({@code <module>/target/quarkus-app}, so in a failsafe
 * {@code *StartupIT}) in the production profile with exactly the environment given, nothing
 * inherited, and reports how it ended. Used to check that a production start without a required
 * variable stops at once and names it: the failure is at configuration validation, before any
 * connection, so no platform part is needed (the addresses point at closed ports).
 */
public final class ProductionStartup {

    /** How a start ended: the exit code and everything the service printed. */
    public record Outcome(int exitCode, String output) {
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private ProductionStartup() {
    }

    /** The variables every service requires in production, with values that reach nothing. */
    public static Map<String, String> platformEnvironment() {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1");
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://127.0.0.1:1/none");
        env.put("QUARKUS_DATASOURCE_USERNAME", "nobody");
        env.put("QUARKUS_DATASOURCE_PASSWORD", "nothing");
        return env;
    }

    /** Starts the module's jar with the environment and waits until it stops. */
    public static Outcome start(String module, Map<String, String> environment) {
        Path jar = PlatformConfig.findRoot().resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        assertTrue(Files.isRegularFile(jar), jar + " is not built (run mvn verify)");
        try {
            Path log = Files.createTempFile(Path.of("target").toAbsolutePath(), "production-startup", ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-XX:+UseSerialGC", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.clear();
            env.putAll(environment);
            // Should it start after all, it must not take a port anyone uses.
            env.put("QUARKUS_HTTP_PORT", "0");
            env.put("QUARKUS_MANAGEMENT_PORT", "0");
            Process process = builder.start();
            boolean ended = process.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            assertTrue(ended, module + " was still running after " + TIMEOUT + ":\n" + output);
            return new Outcome(process.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Starts the module with the production environment less one variable and asserts that it
     * stops with a nonzero exit code and an error naming the variable.
     */
    public static void assertStopsWithout(String module, Map<String, String> production, String missing) {
        assertTrue(production.containsKey(missing), missing + " is not part of the given environment");
        Map<String, String> env = new HashMap<>(production);
        env.remove(missing);
        Outcome outcome = start(module, env);
        assertNotEquals(0, outcome.exitCode(), module + " started without " + missing + ":\n" + outcome.output());
        assertTrue(outcome.output().contains(missing),
                module + " stopped without naming " + missing + ":\n" + outcome.output());
    }
}
