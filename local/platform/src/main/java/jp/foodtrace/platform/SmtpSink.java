package jp.foodtrace.platform;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An SMTP sink for the relay path (GreenMail standalone): accepts any mail on the SMTP port and
 * shows it through its REST API ({@code /api/user/{email}/messages/INBOX/}).
 */
public final class SmtpSink implements Component {

    private static final String NAME = "smtp";
    private final PlatformConfig config;
    private final ManagedProcess process;

    public SmtpSink(PlatformConfig config) {
        this.config = config;
        String marker = ManagedProcess.javaMarker(NAME, config);
        this.process = new ManagedProcess(NAME, config, List.of(ManagedProcess.java(), marker, "-Xmx128m",
                "-Dgreenmail.smtp.hostname=" + config.host(),
                "-Dgreenmail.smtp.port=" + config.smtpPort(),
                "-Dgreenmail.api.hostname=" + config.host(),
                "-Dgreenmail.api.port=" + config.smtpApiPort(),
                "-Dgreenmail.auth.disabled",
                "-jar", jar().toString()),
                Map.of(), marker, List.of(config.smtpPort(), config.smtpApiPort()));
    }

    private Path jar() {
        return config.runtime().resolve("greenmail/greenmail-standalone.jar");
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
        return "smtp://" + config.host() + ":" + config.smtpPort() + "  (API http://" + config.host() + ":"
                + config.smtpApiPort() + "/api/user/{email}/messages/INBOX/)";
    }

    @Override
    public boolean up() {
        boolean started = false;
        if (running().isEmpty()) {
            if (!Files.isRegularFile(jar())) {
                throw new SetupException("GreenMail jar is missing (" + jar() + "): build first (mvn -DskipTests package)");
            }
            started = process.start();
        }
        process.awaitReady(Duration.ofSeconds(60), () -> ManagedProcess.listening(config.host(), config.smtpPort())
                && Http.status("http://" + config.host() + ":" + config.smtpApiPort() + "/api/configuration") > 0);
        return started;
    }
}
