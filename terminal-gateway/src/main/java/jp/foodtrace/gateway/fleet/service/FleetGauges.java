package jp.foodtrace.gateway.fleet.service;

import java.sql.Time;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.runtime.Startup;
import jp.foodtrace.data.Jdbc;
import jp.foodtrace.gateway.config.GatewayConfig;
import jp.foodtrace.messaging.metrics.SampledGauges;

/**
 * The fleet gauges of the Prometheus rule {@code TerminalsSilentBeforeCutoff} and the terminal
 * fleet dashboard: {@code suite.terminal-gateway.terminals.expected|seen|silent} and
 * {@code suite.terminal-gateway.order.cutoff} (seconds), from one read of the terminal registry
 * with the store master's cut-off times per sample ({@link FleetStatus} has the definitions).
 * Sampled in the background, never on a terminal's request.
 */
@Startup
@ApplicationScoped
public class FleetGauges {

    private static final String TERMINALS = """
            SELECT t.terminal_id, (s.document ->> 'cutOffTime')::time AS cut_off, t.last_seen_at
            FROM terminal t LEFT JOIN store s ON s.store_code = t.store_code""";

    private final Jdbc jdbc;
    private final ZoneId zone;
    private final AtomicReference<FleetStatus> last = new AtomicReference<>();

    public FleetGauges(Jdbc jdbc, GatewayConfig config, SampledGauges gauges) {
        this.jdbc = jdbc;
        this.zone = config.zone();
        gauges.gauge("suite.terminal-gateway.terminals.expected", "Terminals expected to order today",
                () -> sample().expected());
        gauges.gauge("suite.terminal-gateway.terminals.seen", "Expected terminals heard from today",
                () -> current().seen());
        gauges.gauge("suite.terminal-gateway.terminals.silent",
                "Expected terminals not heard from today whose store's cut-off is still ahead", () -> current().silent());
        gauges.gauge("suite.terminal-gateway.order.cutoff.seconds",
                "Seconds to the next order cut-off that matters (negative after the last one)",
                () -> current().cutOffSeconds());
    }

    /** Reads the registry; the other gauges of the same round use this reading. */
    private FleetStatus sample() {
        List<FleetStatus.Row> rows = jdbc.list(TERMINALS, rs -> {
            Time cutOff = rs.getTime("cut_off");
            LocalTime time = cutOff == null ? null : cutOff.toLocalTime();
            return new FleetStatus.Row(rs.getString("terminal_id"), time, Jdbc.instant(rs, "last_seen_at"));
        });
        FleetStatus status = FleetStatus.of(rows, Instant.now(), zone);
        last.set(status);
        return status;
    }

    private FleetStatus current() {
        FleetStatus status = last.get();
        return status == null ? sample() : status;
    }
}
