package jp.foodtrace.console.source;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.qute.TemplateData;
import jp.foodtrace.console.config.ConsoleConfig;

/**
 * Gathers the console's panels side by side, each from its own source and within its own time
 * limit, so that one slow or dead service costs its panel, never the page.
 */
@ApplicationScoped
public class Console {

    private static final Logger LOG = Logger.getLogger(Console.class);
    private static final ZoneId JAPAN = ZoneId.of("Asia/Tokyo");
    private static final int LETTERS_PER_TOPIC = 20;

    /** Everything the page shows, gathered at {@code at}. */
    @TemplateData
    public record Snapshot(String at, Panel<Views.Silent> silent, Panel<Views.Orders> orders, Panel<List<Views.Lag>> lag,
            Panel<Views.Outbox> parked, Panel<Views.DeadLetters> deadLetters,
            Panel<Views.Rates> rates, Panel<Views.Recalls> recalls) {
    }

    private final ServiceApi api;
    private final KafkaView kafka;
    private final ConsoleConfig config;
    private final ExecutorService pool = Executors.newFixedThreadPool(8, r -> {
        Thread t = new Thread(r, "console-panel");
        t.setDaemon(true);
        return t;
    });

    public Console(ServiceApi api, KafkaView kafka, ConsoleConfig config) {
        this.api = api;
        this.kafka = kafka;
        this.config = config;
    }

    public Snapshot snapshot() {
        Future<Panel<Views.Silent>> silent = submit("terminal-gateway", this::silent);
        Future<Panel<Views.Orders>> orders = submit("order-service", this::orders);
        Future<Panel<List<Views.Lag>>> lag = submit("kafka", kafka::lag);
        Future<Panel<Views.Outbox>> parked = submit("outbox", this::parked);
        Future<Panel<Views.DeadLetters>> letters = submit("kafka",
                () -> new Views.DeadLetters(kafka.deadLetters(LETTERS_PER_TOPIC)));
        Future<Panel<Views.Rates>> rates = submit("bounce-service", this::rates);
        Future<Panel<Views.Recalls>> recalls = submit("sync-service", this::recalls);
        Duration http = config.timeout().plusSeconds(2);
        Duration kafkaBudget = config.kafkaBudget();
        return new Snapshot(KafkaView.time(Instant.now()), await(silent, http), await(orders, http),
                await(lag, kafkaBudget), await(parked, http.multipliedBy(2)), await(letters, kafkaBudget),
                await(rates, http), await(recalls, http));
    }

    private <T> Future<Panel<T>> submit(String source, Callable<T> read) {
        return pool.submit(() -> {
            try {
                return Panel.of(read.call());
            } catch (ServiceApi.Unavailable e) {
                return Panel.unavailable(e.getMessage());
            } catch (Exception e) {
                LOG.warnf("console panel from %s failed: %s", source, ServiceApi.describe(e));
                return Panel.unavailable(source + ": " + ServiceApi.describe(e));
            }
        });
    }

    /** The panels run side by side, so the page waits for the slowest: at most the Kafka budget. */
    private <T> Panel<T> await(Future<Panel<T>> panel, Duration budget) {
        try {
            return panel.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            panel.cancel(true);
            return Panel.unavailable("no answer within " + budget.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Panel.unavailable("interrupted");
        } catch (Exception e) {
            return Panel.unavailable(ServiceApi.describe(e));
        }
    }

    private Views.Silent silent() {
        Instant midnight = LocalDate.now(JAPAN).atStartOfDay(JAPAN).toInstant();
        JsonNode list = api.get("terminal-gateway", config.services().terminalGateway(),
                "/v1/ops/terminals/silent?since=" + midnight, config.gatewayAdminToken());
        List<Views.SilentTerminal> terminals = new ArrayList<>();
        for (JsonNode t : list) {
            terminals.add(new Views.SilentTerminal(t.path("storeCode").asText(), t.path("terminalId").asText(),
                    t.hasNonNull("lastSeenAt") ? KafkaView.time(Instant.parse(t.get("lastSeenAt").asText())) : null));
        }
        terminals.sort(java.util.Comparator.comparing(Views.SilentTerminal::storeCode)
                .thenComparing(Views.SilentTerminal::terminalId));
        return new Views.Silent(KafkaView.time(midnight), terminals,
                terminals.stream().map(Views.SilentTerminal::storeCode).distinct().count());
    }

    private Views.Orders orders() {
        JsonNode s = api.get("order-service", config.services().orderService(),
                "/v1/orders/summary?hours=" + config.orderHours(), config.opsToken());
        return new Views.Orders(s.path("hours").asInt(), s.path("received").asLong(), s.path("accepted").asLong(),
                s.path("rejected").asLong(), s.path("shipped").asLong());
    }

    private Views.Outbox parked() {
        List<Views.Parked> rows = new ArrayList<>();
        rows.add(outbox("terminal-gateway", api.get("terminal-gateway", config.services().terminalGateway(),
                "/v1/ops/outbox", config.gatewayAdminToken())));
        rows.add(outbox("sync-service", api.get("sync-service", config.services().syncService(), "/v1/ops/outbox",
                config.syncAdminToken())));
        return new Views.Outbox(rows);
    }

    /** A service's {@code GET /v1/ops/outbox}: pending count, the oldest pending event's time, parked count. */
    static Views.Parked outbox(String service, JsonNode state) {
        JsonNode oldest = state.path("oldestPendingAt");
        long waited = oldest.isTextual()
                ? Math.max(0, Duration.between(Instant.parse(oldest.asText()), Instant.now()).toSeconds())
                : -1;
        return new Views.Parked(service, state.path("pending").asLong(), waited, state.path("parked").asLong());
    }

    private Views.Rates rates() {
        JsonNode r = api.get("bounce-service", config.services().bounceService(), "/v1/rates", config.opsToken());
        JsonNode t = r.path("thresholds");
        return new Views.Rates(window(r.path("rolling")), window(r.path("recentSends")), percent(t.path("bounceWarning")),
                percent(t.path("bounceCritical")), percent(t.path("complaintWarning")),
                percent(t.path("complaintCritical")));
    }

    private static Views.Window window(JsonNode w) {
        return new Views.Window(w.hasNonNull("since") ? KafkaView.time(Instant.parse(w.get("since").asText())) : "-",
                w.path("sends").asLong(), w.path("hardBounces").asLong(), w.path("complaints").asLong(),
                percent(w.path("bounceRate")), percent(w.path("complaintRate")), w.path("bounceLevel").asText("ok"),
                w.path("complaintLevel").asText("ok"));
    }

    /** A ratio 0..1 as a percentage with two decimals, as SES shows it. */
    static String percent(JsonNode ratio) {
        return String.format(Locale.ROOT, "%.2f%%", ratio.asDouble() * 100);
    }

    private Views.Recalls recalls() {
        JsonNode list = api.get("sync-service", config.services().syncService(), "/v1/ops/recalls?limit=10",
                config.syncAdminToken());
        List<Views.Recall> recalls = new ArrayList<>();
        for (JsonNode r : list) {
            List<Views.Notice> notices = new ArrayList<>();
            for (JsonNode n : r.path("notices")) {
                notices.add(new Views.Notice(n.path("storeCode").asText(), n.path("status").asText(),
                        n.hasNonNull("delivery") ? n.get("delivery").asText() : "NO_CONTACT",
                        n.hasNonNull("deliveryReason") ? n.get("deliveryReason").asText() : ""));
            }
            recalls.add(new Views.Recall(r.path("recallId").asText(), r.path("lotNumber").asText(),
                    r.path("reason").asText(), KafkaView.time(Instant.parse(r.path("createdAt").asText())), notices));
        }
        return new Views.Recalls(recalls);
    }

    @PreDestroy
    void close() {
        pool.shutdownNow();
    }
}
