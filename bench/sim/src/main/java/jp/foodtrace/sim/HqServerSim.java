package jp.foodtrace.sim;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Plays HQ's customer server against sync-service:
 * <ul>
 * <li>{@code seed}: registers itself as a client system and uploads the stores of the simulated
 * fleet and the product catalogue (so terminal orders can be accepted);</li>
 * <li>{@code serve}: reads the order feed after its acknowledged position, answers every page
 * with production lots (each made from two ingredient lots) and one shipment per store naming
 * the orders, then acknowledges the page; stops after {@code --idle} seconds without orders.</li>
 * </ul>
 *
 * <p>{@code serve} outlives restarts of sync-service and of the broker: an error in a round (no
 * answer, refused connection, a 5xx) is counted by step and kind ({@link Faults}), and the same
 * page is read again after a pause, since only an acknowledged page moves the cursor. Lots and
 * shipments are upserts by their numbers, so a round repeated after a failed acknowledgement
 * creates nothing twice. Time spent failing does not count as idle; after
 * {@code --give-up} seconds (default 300) of nothing but errors it stops.
 */
public final class HqServerSim {

    private final Options options;
    private final Path home;
    private final String base;

    HqServerSim(Options options) {
        this.options = options;
        this.home = Path.of(options.text("home", ".local/sim"));
        this.base = options.text("sync", "http://127.0.0.1:8083");
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        HqServerSim hq = new HqServerSim(options);
        switch (options.command("serve")) {
            case "seed" -> hq.seed();
            case "serve" -> hq.serve();
            default -> throw new IllegalArgumentException("usage: hq seed|serve");
        }
    }

    /** The HQ client's token, registered once and kept in the simulator's home. */
    static String token(Path home, String base, String adminToken) throws Exception {
        Path file = home.resolve("hq-client-token");
        if (Files.isRegularFile(file)) {
            String saved = Files.readString(file).trim();
            if (new Http(base, saved).get("/v1/feed/orders/ack").status() == 200) {
                return saved;
            }
        }
        Http admin = new Http(base, adminToken);
        JsonNode registered = Http.expect(admin.post("/v1/admin/clients", Map.of("name", "hq-simulator",
                "scopes", List.of("feed:read", "data:write", "trace:read", "recall:write"))), 201).body();
        String token = registered.path("token").asText();
        Files.createDirectories(home);
        Files.writeString(file, token, StandardCharsets.UTF_8);
        return token;
    }

    void seed() throws Exception {
        Http hq = new Http(base, token(home, base, options.text("admin-token", "local-admin-token")));
        int stores = options.integer("stores", 2000);
        int items = options.integer("items", 500);
        List<Map<String, Object>> storeBatch = new ArrayList<>();
        for (int i = 1; i <= stores; i++) {
            storeBatch.add(Map.of("storeCode", String.format("S%05d", i), "name", "店舗 " + i, "cutOffTime", "10:00",
                    "contactEmail", String.format("store%05d@example.jp", i)));
            if (storeBatch.size() == 500 || i == stores) {
                report("stores", Http.expect(hq.post("/v1/stores", storeBatch), 200).body());
                storeBatch.clear();
            }
        }
        List<Map<String, Object>> productBatch = new ArrayList<>();
        List<String> catalog = Catalog.items(items);
        for (int i = 0; i < catalog.size(); i++) {
            productBatch.add(Map.of("itemCode", catalog.get(i), "name", "商品 " + (i + 1), "unit", "CS",
                    "orderable", true, "minQuantity", 1, "maxQuantity", 99));
            if (productBatch.size() == 500 || i == catalog.size() - 1) {
                report("products", Http.expect(hq.post("/v1/products", productBatch), 200).body());
                productBatch.clear();
            }
        }
    }

    void serve() throws Exception {
        int idleSeconds = options.integer("idle", 15);
        long giveUpNanos = TimeUnit.SECONDS.toNanos(options.integer("give-up", 300));
        Faults faults = new Faults();
        Set<String> lotsSent = new LinkedHashSet<>();
        long lastOrder = System.nanoTime();
        long lastSuccess = System.nanoTime();
        long orders = 0;
        int failuresInRow = 0;
        Http hq = null;
        while ((System.nanoTime() - lastOrder) / 1e9 < idleSeconds) {
            Step step = new Step("token");
            try {
                if (hq == null) {
                    hq = new Http(base, token(home, base, options.text("admin-token", "local-admin-token")));
                }
                int shipped = round(hq, lotsSent, step);
                lastSuccess = System.nanoTime();
                if (failuresInRow > 0) {
                    System.out.printf("[hq] answering again after %d failed rounds; errors so far %s%n", failuresInRow,
                            faults.snapshot());
                    failuresInRow = 0;
                }
                if (shipped == 0) {
                    Thread.sleep(500);
                    continue;
                }
                lastOrder = System.nanoTime();
                orders += shipped;
                System.out.printf("[hq] %d orders in total; errors %d %s%n", orders, faults.total(), faults.snapshot());
            } catch (IOException | Http.StatusException e) {
                String kind = faults.count(step.name, e);
                failuresInRow++;
                System.out.printf("[hq] %s failed (%s): %s; retrying%n", step.name, kind,
                        e.getMessage() == null ? e.toString() : e.getMessage());
                if (System.nanoTime() - lastSuccess > giveUpNanos) {
                    System.out.printf("[hq] giving up after %d s of errors%n", TimeUnit.NANOSECONDS.toSeconds(
                            System.nanoTime() - lastSuccess));
                    break;
                }
                lastOrder = System.nanoTime();
                Thread.sleep(Math.min(500L * failuresInRow, 5000L));
            }
        }
        System.out.printf("[hq] no new orders for %d s; %d orders shipped; errors %d %s%n", idleSeconds, orders,
                faults.total(), faults.snapshot());
    }

    /** The step a round is in, for counting its errors. */
    private static final class Step {
        private String name;

        Step(String name) {
            this.name = name;
        }
    }

    /** One page: read, ship, acknowledge. Returns how many orders it shipped (0: the feed was empty). */
    private int round(Http hq, Set<String> lotsSent, Step step) throws IOException, InterruptedException {
        step.name = "feed";
        JsonNode page = Http.expect(hq.get("/v1/feed/orders?limit=" + options.integer("page", 500)), 200).body();
        JsonNode list = page.path("orders");
        if (list.isEmpty()) {
            return 0;
        }
        Map<String, List<JsonNode>> byStore = new LinkedHashMap<>();
        list.forEach(o -> byStore.computeIfAbsent(o.path("storeCode").asText(), s -> new ArrayList<>()).add(o));
        List<Map<String, Object>> lots = new ArrayList<>();
        Set<String> newLots = new LinkedHashSet<>();
        List<Map<String, Object>> shipments = new ArrayList<>();
        LocalDate today = LocalDate.now();
        for (Map.Entry<String, List<JsonNode>> store : byStore.entrySet()) {
            List<String> orderIds = new ArrayList<>();
            Map<String, Long> quantities = new LinkedHashMap<>();
            for (JsonNode order : store.getValue()) {
                orderIds.add(order.path("orderId").asText());
                order.path("lines").forEach(l -> quantities.merge(l.path("itemCode").asText(),
                        l.path("quantity").asLong(), Long::sum));
            }
            List<Map<String, Object>> lines = new ArrayList<>();
            for (Map.Entry<String, Long> item : quantities.entrySet()) {
                String lot = "L-" + item.getKey() + "-" + today;
                if (!lotsSent.contains(lot) && newLots.add(lot)) {
                    lots.add(Map.of("lotNumber", lot, "itemCode", item.getKey(), "plant", "PLANT-01",
                            "producedAt", Instant.now().minusSeconds(3600).toString(),
                            "bestBefore", today.plusDays(7).toString(), "quantity", 100_000,
                            "inputs", List.of(Map.of("lotNumber", "ING-A-" + today, "quantity", 10),
                                    Map.of("lotNumber", "ING-B-" + item.getKey(), "quantity", 5))));
                }
                lines.add(Map.of("itemCode", item.getKey(), "lotNumber", lot, "quantity", item.getValue()));
            }
            shipments.add(Map.of("shipmentId", "SH-" + store.getKey() + "-" + page.path("next").asText(),
                    "storeCode", store.getKey(), "shippedAt", Instant.now().toString(), "orderIds", orderIds,
                    "lines", lines));
        }
        if (!lots.isEmpty()) {
            step.name = "lots";
            report("lots", Http.expect(hq.post("/v1/lots", lots), 200).body());
            lotsSent.addAll(newLots);
        }
        step.name = "shipments";
        report("shipments", Http.expect(hq.post("/v1/shipments", shipments), 200).body());
        step.name = "ack";
        Http.expect(hq.post("/v1/feed/orders/ack", Map.of("position", page.path("next").asText())), 200);
        System.out.printf("[hq] acknowledged %d orders up to %s%n", list.size(), page.path("next").asText());
        return list.size();
    }

    private static void report(String what, JsonNode result) {
        int rejected = result.path("rejected").asInt();
        System.out.printf("[hq] %s: created %d, updated %d, unchanged %d, rejected %d%n", what,
                result.path("created").asInt(), result.path("updated").asInt(), result.path("unchanged").asInt(),
                rejected);
        if (rejected > 0) {
            System.out.println("[hq]   first rejection: " + result.path("results").findValues("reason"));
        }
    }
}
