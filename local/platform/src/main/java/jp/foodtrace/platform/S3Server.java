package jp.foodtrace.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * An S3-compatible server (s3proxy from Maven Central) backed by a folder of the platform home.
 * With the {@code filesystem-nio2} store a bucket is a folder, so the inbound-mail bucket exists
 * as soon as its folder does.
 */
public final class S3Server implements Component {

    private static final String NAME = "s3";
    private final PlatformConfig config;
    private final Path dir;
    private final ManagedProcess process;

    public S3Server(PlatformConfig config) {
        this.config = config;
        this.dir = config.home().resolve(NAME);
        String marker = ManagedProcess.javaMarker(NAME, config);
        this.process = new ManagedProcess(NAME, config, List.of(ManagedProcess.java(), marker, "-Xmx256m",
                "-jar", config.runtime().resolve("s3proxy/s3proxy.jar").toString(),
                "--properties", dir.resolve("s3proxy.properties").toString()),
                Map.of(), marker, List.of(config.s3Port()));
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
        return config.s3Endpoint() + "  (bucket " + PlatformConfig.INBOUND_MAIL_BUCKET + ", key "
                + PlatformConfig.S3_ACCESS_KEY + ")";
    }

    @Override
    public boolean up() {
        boolean started = false;
        if (running().isEmpty()) {
            Path jar = config.runtime().resolve("s3proxy/s3proxy.jar");
            if (!Files.isRegularFile(jar)) {
                throw new SetupException("s3proxy jar is missing (" + jar + "): build first (mvn -DskipTests package)");
            }
            try {
                Files.createDirectories(dir.resolve("data").resolve(PlatformConfig.INBOUND_MAIL_BUCKET));
                Files.writeString(dir.resolve("s3proxy.properties"), String.join("\n",
                        "s3proxy.endpoint=" + config.s3Endpoint(),
                        "s3proxy.authorization=aws-v2-or-v4",
                        "s3proxy.identity=" + PlatformConfig.S3_ACCESS_KEY,
                        "s3proxy.credential=" + PlatformConfig.S3_SECRET_KEY,
                        "jclouds.provider=filesystem-nio2",
                        "jclouds.filesystem.basedir=" + dir.resolve("data"),
                        ""));
            } catch (IOException e) {
                throw new SetupException("cannot prepare " + dir + ": " + e.getMessage(), e);
            }
            started = process.start();
        }
        // Any HTTP answer (an unsigned request gets 403) means the server is up.
        process.awaitReady(Duration.ofSeconds(60), () -> Http.status(config.s3Endpoint() + "/") > 0);
        return started;
    }
}
