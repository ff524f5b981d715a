package jp.foodtrace.platform;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * The command behind {@code ./suite up|stop|status}. Set-up problems end with their message and
 * exit code 2, never with a stack trace.
 */
public final class PlatformCli {

    private PlatformCli() {
    }

    public static void main(String[] args) {
        String command = args.length == 0 ? "status" : args[0];
        Path root = PlatformConfig.findRoot();
        Platform platform = new Platform(PlatformConfig.local(root));
        try {
            switch (command) {
                case "up" -> up(platform, List.of(args).contains("--infra"), List.of(args).contains("--observability"));
                case "stop" -> stop(platform);
                case "status" -> System.exit(status(platform) ? 0 : 3);
                default -> {
                    System.err.println("usage: suite up [--infra] [--observability] | stop | status");
                    System.exit(64);
                }
            }
        } catch (SetupException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    private static void up(Platform platform, boolean infraOnly, boolean observability) {
        long start = System.nanoTime();
        platform.upInfrastructure(EnumSet.allOf(Platform.Part.class), false, PlatformCli::say);
        if (!infraOnly) {
            platform.upServices(List.of(SuiteService.values()), PlatformCli::say);
            platform.upConsole(PlatformCli::say);
        }
        if (observability) {
            platform.upObservability(PlatformCli::say);
        }
        System.out.printf("%nThe suite is up (%.0f s).%n%n", (System.nanoTime() - start) / 1e9);
        status(platform);
        PlatformConfig config = platform.config();
        System.out.println();
        System.out.println("PostgreSQL: " + new PostgresSetup(config).url() + " (one schema and role per service)");
        System.out.println("Ops console: " + config.consoleUrl() + "/ops (ops token " + PlatformConfig.LOCAL_OPS_TOKEN
                + " unless SUITE_OPS_TOKEN is set)");
        System.out.println("Trace page: " + config.serviceUrl(SuiteService.SYNC_SERVICE)
                + "/v1/trace (Authorization: Bearer <client token with trace:read>)");
        System.out.println("Logs:       " + config.logs());
        System.out.println("Stop:       ./suite stop      Status: ./suite status");
    }

    private static void stop(Platform platform) {
        List<String> stopped = platform.stop();
        say(stopped.isEmpty() ? "nothing of the suite was running" : "stopped " + String.join(", ", stopped));
    }

    /** Prints one line per component; true when all run. */
    private static boolean status(Platform platform) {
        boolean allUp = true;
        for (Component component : platform.components()) {
            var process = component.running();
            allUp &= process.isPresent();
            System.out.printf("  %-17s %-8s %s%n", component.name(),
                    process.map(p -> "pid " + p.pid()).orElse("stopped"), component.url());
        }
        return allUp;
    }

    private static void say(String line) {
        System.out.println("[suite] " + line);
    }
}
