package jp.foodtrace.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The local platform: PostgreSQL set-up, Kafka, S3 server, SES endpoint, SMTP sink, the five
 * services and the ops console. The same class serves the {@code suite} command (fixed ports, {@code .local}) and the
 * tests ({@link PlatformConfig#isolated}), so that what is tested is what runs. Every step is
 * idempotent: a part that already runs is left alone.
 */
public final class Platform {

    /** Infrastructure parts; a test names the ones it needs. */
    public enum Part { KAFKA, S3, SES, SMTP }

    private final PlatformConfig config;
    private final Map<Part, Component> parts = new LinkedHashMap<>();
    private final Map<SuiteService, ServiceProcess> services = new LinkedHashMap<>();
    private final PrometheusServer prometheus;
    private final OpsConsoleProcess console;

    public Platform(PlatformConfig config) {
        this(config, PrometheusServer.Settings.local());
    }

    /** A platform whose Prometheus (started by {@link #upObservability}) scrapes and evaluates as given. */
    public Platform(PlatformConfig config, PrometheusServer.Settings prometheus) {
        this.config = config;
        this.prometheus = new PrometheusServer(config, prometheus);
        parts.put(Part.KAFKA, new KafkaBroker(config));
        parts.put(Part.S3, new S3Server(config));
        parts.put(Part.SES, new SesEndpoint(config));
        parts.put(Part.SMTP, new SmtpSink(config));
        for (SuiteService service : SuiteService.values()) {
            services.put(service, new ServiceProcess(config, service));
        }
        console = new OpsConsoleProcess(config);
    }

    public PlatformConfig config() {
        return config;
    }

    public Component part(Part part) {
        return parts.get(part);
    }

    public ServiceProcess service(SuiteService service) {
        return services.get(service);
    }

    /** Prepares the database and starts the named parts, in a fixed order, waiting for each. */
    public void upInfrastructure(Set<Part> wanted, boolean freshDatabase, Consumer<String> log) {
        // Every port is checked before anything starts, so a conflict leaves nothing half started.
        parts.forEach((part, component) -> {
            if (wanted.contains(part)) {
                component.process().checkPortsFree();
            }
        });
        log.accept("PostgreSQL: preparing database " + config.database() + " on " + config.pgHost() + ":"
                + config.pgPort());
        new PostgresSetup(config).prepare(freshDatabase);
        for (Map.Entry<Part, Component> entry : parts.entrySet()) {
            if (wanted.contains(entry.getKey())) {
                Component component = entry.getValue();
                log.accept(component.name() + ": " + (component.running().isPresent() ? "already running" : "starting"));
                component.up();
            }
        }
    }

    /** Starts the services side by side and waits until every one reports ready. */
    public void upServices(Collection<SuiteService> wanted, Consumer<String> log) {
        List<ServiceProcess> started = new ArrayList<>();
        wanted.forEach(service -> services.get(service).process().checkPortsFree());
        for (SuiteService service : wanted) {
            ServiceProcess process = services.get(service);
            log.accept(process.name() + ": " + (process.startAsync() ? "starting" : "already running"));
            started.add(process);
        }
        for (ServiceProcess process : started) {
            process.awaitReady();
            log.accept(process.name() + ": ready at " + config.serviceUrl(process.service()));
        }
    }

    /**
     * Starts Prometheus with the project's rules, scraping the five services on this platform's
     * management ports (after the services, so that the first scrape finds them).
     */
    public void upObservability(Consumer<String> log) {
        log.accept(prometheus.name() + ": " + (prometheus.running().isPresent() ? "already running" : "starting"));
        prometheus.up();
        log.accept(prometheus.name() + ": ready at " + config.prometheusUrl());
    }

    public PrometheusServer prometheus() {
        return prometheus;
    }

    /** Starts the ops console (after the services, which it reads) and waits until it is ready. */
    public void upConsole(Consumer<String> log) {
        log.accept(console.name() + ": " + (console.running().isPresent() ? "already running" : "starting"));
        if (console.running().isEmpty()) {
            console.process().checkPortsFree();
        }
        console.up();
        log.accept(console.name() + ": ready at " + config.consoleUrl() + "/ops");
    }

    public OpsConsoleProcess console() {
        return console;
    }

    public void upAll(Consumer<String> log) {
        upInfrastructure(EnumSet.allOf(Part.class), false, log);
        upServices(List.of(SuiteService.values()), log);
        upConsole(log);
    }

    /** Stops services first, then infrastructure; touches only processes this platform started. */
    public List<String> stop() {
        List<String> stopped = new ArrayList<>();
        if (prometheus.process().stop(Duration.ofSeconds(20))) {
            stopped.add(prometheus.name());
        }
        if (console.process().stop(Duration.ofSeconds(20))) {
            stopped.add(console.name());
        }
        List<ServiceProcess> reversedServices = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversedServices);
        reversedServices.parallelStream().forEach(s -> {
            if (s.process().stop(Duration.ofSeconds(20))) {
                synchronized (stopped) {
                    stopped.add(s.name());
                }
            }
        });
        List<Component> reversedParts = new ArrayList<>(parts.values());
        java.util.Collections.reverse(reversedParts);
        for (Component part : reversedParts) {
            if (part.process().stop(Duration.ofSeconds(30))) {
                stopped.add(part.name());
            }
        }
        return stopped;
    }

    /** Every component with its URL and whether it runs; Prometheus only while it runs (it is optional). */
    public List<Component> components() {
        List<Component> all = new ArrayList<>(parts.values());
        all.addAll(services.values());
        all.add(console);
        if (prometheus.running().isPresent()) {
            all.add(prometheus);
        }
        return all;
    }
}
