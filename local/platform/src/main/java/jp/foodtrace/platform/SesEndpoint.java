package jp.foodtrace.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * An SES API endpoint that records every message (npm {@code aws-ses-v2-local}): accepts SES v1
 * {@code SendEmail}/{@code SendRawEmail} and v2 {@code SendEmail}, lists them at {@code /store}.
 * The npm package is installed once into {@code .local/node} of the checkout.
 */
public final class SesEndpoint implements Component {

    static final String PACKAGE = "aws-ses-v2-local@2.10.2";
    private static final String NAME = "ses";
    private final PlatformConfig config;
    private final ManagedProcess process;

    public SesEndpoint(PlatformConfig config) {
        this.config = config;
        this.process = new ManagedProcess(NAME, config, List.of("node", cli().toString(),
                "--host", config.host(), "--port", Integer.toString(config.sesPort())),
                Map.of(), "aws-ses-v2-local", List.of(config.sesPort()));
    }

    private Path nodeDir() {
        return config.root().resolve(".local/node");
    }

    private Path cli() {
        return nodeDir().resolve("node_modules/aws-ses-v2-local/dist/cli.js");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public ManagedProcess process() {
        return process;
    }

    @Override
    public String url() {
        return config.sesEndpoint() + "  (messages: " + config.sesEndpoint() + "/store)";
    }

    @Override
    public boolean up() {
        boolean started = false;
        if (running().isEmpty()) {
            installOnce();
            started = process.start();
        }
        process.awaitReady(Duration.ofSeconds(60), () -> Http.status(config.sesEndpoint() + "/store") == 200);
        return started;
    }

    private synchronized void installOnce() {
        if (Files.isRegularFile(cli())) {
            return;
        }
        run(List.of("node", "--version"), "Node.js is missing: install it first (apt-get install -y nodejs npm)");
        try {
            Files.createDirectories(nodeDir());
        } catch (IOException e) {
            throw new SetupException("cannot create " + nodeDir(), e);
        }
        run(List.of("npm", "install", "--no-audit", "--no-fund", "--prefix", nodeDir().toString(), PACKAGE),
                "npm could not install " + PACKAGE + " into " + nodeDir());
    }

    private void run(List<String> command, String failure) {
        try {
            Path out = Files.createTempFile("suite-npm", ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(out.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new SetupException(failure + ":\n" + Files.readString(out, StandardCharsets.UTF_8));
            }
            Files.deleteIfExists(out);
        } catch (IOException e) {
            throw new SetupException(failure + " (" + e.getMessage() + ")", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SetupException("interrupted: " + failure);
        }
    }
}
