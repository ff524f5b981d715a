package jp.foodtrace.deploy;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Finds the checkout and the Debian tools the checks need. A missing tool is installed with
 * apt-get (the checks run as root in CI); where that is impossible the calling test is aborted,
 * so JUnit reports it as skipped with the reason instead of passing silently.
 */
final class Tools {

    private Tools() {
    }

    static Path root() {
        String root = System.getProperty("suite.root");
        Path path = root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent().getParent();
        if (!Files.isRegularFile(path.resolve("pom.xml")) || !Files.isDirectory(path.resolve("deploy"))) {
            throw new IllegalStateException("not the checkout root: " + path);
        }
        return path;
    }

    /**
     * The absolute path of {@code command}, installing {@code debianPackage} (and any
     * {@code companions} it needs at run time) if the command is missing.
     */
    static Path require(String command, String debianPackage, String... companions) {
        Path found = which(command);
        if (found != null) {
            return found;
        }
        List<String> packages = new ArrayList<>(List.of(debianPackage));
        packages.addAll(List.of(companions));
        Assumptions.assumeTrue(which("apt-get") != null,
                command + " is missing and this machine has no apt-get to install " + debianPackage);
        Result install = apt(packages);
        if (install.code() != 0) {
            Result update = run(List.of("apt-get", "-o", "DPkg::Lock::Timeout=180", "update"), Map.of("DEBIAN_FRONTEND", "noninteractive"), null, 300);
            install = update.code() == 0 ? apt(packages) : update;
        }
        found = which(command);
        Assumptions.assumeTrue(found != null, command + " is missing and installing Debian package "
                + debianPackage + " failed (exit " + install.code() + "): " + tail(install.output()));
        return found;
    }

    private static Result apt(List<String> packages) {
        List<String> command = new ArrayList<>(List.of("apt-get", "-o", "DPkg::Lock::Timeout=180",
                "install", "-y", "--no-install-recommends"));
        command.addAll(packages);
        return run(command, Map.of("DEBIAN_FRONTEND", "noninteractive"), null, 600);
    }

    static Path which(String command) {
        for (String dir : List.of("/usr/sbin", "/usr/bin", "/sbin", "/bin", "/usr/local/bin", "/usr/local/sbin")) {
            Path candidate = Path.of(dir, command);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : path.split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, command))) {
                return Path.of(dir, command);
            }
        }
        return null;
    }

    record Result(int code, String output) {
    }

    /** Runs a command to completion (stdout and stderr together); a timeout counts as exit 124. */
    static Result run(List<String> command, Map<String, String> env, Path dir, int timeoutSeconds) {
        try {
            Path log = Files.createTempFile("tool", ".log");
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            if (dir != null) {
                builder.directory(dir.toFile());
            }
            Process process = builder.start();
            boolean done = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            if (!done) {
                process.destroyForcibly();
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.deleteIfExists(log);
            return new Result(done ? process.exitValue() : 124, output);
        } catch (IOException e) {
            return new Result(127, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(130, e.toString());
        }
    }

    static String tail(String text) {
        return text.length() <= 2000 ? text : "..." + text.substring(text.length() - 2000);
    }
}
