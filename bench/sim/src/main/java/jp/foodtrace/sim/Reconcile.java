package jp.foodtrace.sim;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Compares every receipt the terminals were given (a receipts file of the fleet simulator) with
 * the orders in HQ's feed, replayed from the start: <b>lost</b> (a receipt that never reached the
 * feed and that order-service did not reject by its rules), <b>duplicated</b> (a receipt or a
 * (terminal, sequence) more than once in the feed) and <b>extra</b> (a feed order of the run's
 * terminals and sequences that no terminal was given a receipt for). With {@code --wait S} it
 * polls until every receipt is accounted for or S seconds passed, and reports how long that took
 * since {@code --t0} (epoch milliseconds, default: now). Any non-zero count fails the command.
 *
 * <p>Orders the simulator got no receipt for (a line with an empty receipt id) are
 * <b>unacknowledged</b>: the terminal was never told they were received, so they are neither lost
 * when missing from the feed nor extra when present; they are reported apart. The receipts file
 * of an interrupted run is read as far as it goes: a last line without its line end was cut off
 * while being written and is ignored with a note.
 */
public final class Reconcile {

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path home = Path.of(options.text("home", ".local/sim"));
        Path file = Path.of(options.text("receipts", home.resolve("receipts-latest.csv").toString()));
        long t0 = Long.parseLong(options.text("t0", Long.toString(System.currentTimeMillis())));
        String sync = options.text("sync", "http://127.0.0.1:8083");
        Http hq = new Http(sync, HqServerSim.token(home, sync, options.text("admin-token", "local-admin-token")));
        // order-service's ops API takes the ops token (SUITE_OPS_TOKEN; local-ops-token in the local run).
        Http orders = new Http(options.text("orders", "http://127.0.0.1:8082"),
                options.text("ops-token", System.getenv().getOrDefault("SUITE_OPS_TOKEN", "local-ops-token")));

        Map<String, String> receipts = new HashMap<>();
        Set<String> unacknowledged = new HashSet<>();
        Map<String, long[]> sequenceRange = new HashMap<>();
        for (String line : lines(file)) {
            String[] f = line.split(",", -1);
            if (f.length < 3 || f[0].equals("terminal_id") || f[0].isBlank()) {
                continue;
            }
            if (f[2].isBlank()) {
                unacknowledged.add(f[0] + "," + f[1]);
            } else {
                receipts.put(f[2], f[0] + "," + f[1]);
            }
            long sequence = Long.parseLong(f[1]);
            sequenceRange.merge(f[0], new long[] { sequence, sequence },
                    (a, b) -> new long[] { Math.min(a[0], b[0]), Math.max(a[1], b[1]) });
        }
        int waitSeconds = options.integer("wait", 0);
        long deadline = System.currentTimeMillis() + waitSeconds * 1000L;
        Result result;
        while (true) {
            result = compare(hq, orders, receipts, unacknowledged, sequenceRange);
            if (result.lost() == 0 || System.currentTimeMillis() >= deadline) {
                break;
            }
            Thread.sleep(250);
        }
        System.out.printf("[reconcile] receipts %d, in feed %d, rejected by rules %d%n", receipts.size(),
                result.inFeed(), result.rejected());
        System.out.printf("[reconcile] lost %d, duplicated %d, extra %d%n", result.lost(), result.duplicated(),
                result.extra());
        if (!unacknowledged.isEmpty()) {
            System.out.printf("[reconcile] unacknowledged %d (no receipt given; not counted as lost): %d of them"
                    + " in the feed after all%n", unacknowledged.size(), result.unacknowledgedInFeed());
        }
        if (result.lost() == 0) {
            System.out.printf("[reconcile] every receipt accounted for %.2f s after t0%n",
                    (System.currentTimeMillis() - t0) / 1000.0);
        }
        System.exit(result.lost() + result.duplicated() + result.extra() == 0 ? 0 : 1);
    }

    record Result(int inFeed, int rejected, int lost, int duplicated, int extra, int unacknowledgedInFeed) {
    }

    /**
     * The complete lines of the receipts file. A run killed while writing can leave a last line
     * without its line end (a receipt id cut short); that line is dropped with a note.
     */
    static List<String> lines(Path file) throws java.io.IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = new java.util.ArrayList<>(text.lines().toList());
        if (!text.isEmpty() && !text.endsWith("\n")) {
            String cut = lines.remove(lines.size() - 1);
            System.out.printf("[reconcile] note: the last line of %s is incomplete (interrupted run?) and is"
                    + " ignored: %s%n", file, cut);
        }
        return lines;
    }

    private static Result compare(Http hq, Http orders, Map<String, String> receipts, Set<String> unacknowledged,
            Map<String, long[]> sequenceRange) throws Exception {
        Map<String, Integer> seenReceipts = new HashMap<>();
        Map<String, Integer> seenSequences = new HashMap<>();
        int extra = 0;
        int unacknowledgedInFeed = 0;
        String after = "0";
        while (true) {
            JsonNode page = Http.expect(hq.get("/v1/feed/orders?limit=1000&after=" + after), 200).body();
            for (JsonNode order : page.path("orders")) {
                String receipt = order.path("receiptId").asText();
                String terminal = order.path("terminalId").asText();
                long sequence = order.path("sequence").asLong();
                seenReceipts.merge(receipt, 1, Integer::sum);
                seenSequences.merge(terminal + "," + sequence, 1, Integer::sum);
                long[] range = sequenceRange.get(terminal);
                boolean withoutReceipt = !receipts.containsKey(receipt);
                if (withoutReceipt && unacknowledged.contains(terminal + "," + sequence)) {
                    unacknowledgedInFeed++;
                } else if (withoutReceipt && range != null && sequence >= range[0] && sequence <= range[1]) {
                    extra++;
                }
            }
            if (!page.path("more").asBoolean() || page.path("orders").isEmpty()) {
                break;
            }
            after = page.path("next").asText();
        }
        int duplicated = 0;
        Set<String> inRun = new HashSet<>(receipts.values());
        inRun.addAll(unacknowledged);
        for (Map.Entry<String, Integer> e : seenReceipts.entrySet()) {
            if (e.getValue() > 1 && receipts.containsKey(e.getKey())) {
                duplicated += e.getValue() - 1;
            }
        }
        for (Map.Entry<String, Integer> e : seenSequences.entrySet()) {
            if (e.getValue() > 1 && inRun.contains(e.getKey())) {
                duplicated += e.getValue() - 1;
            }
        }
        List<String> missing = receipts.keySet().stream().filter(r -> !seenReceipts.containsKey(r)).toList();
        int rejected = 0;
        for (String receipt : missing) {
            String store = "S" + receipts.get(receipt).split(",")[0].substring(1);
            JsonNode list = orders.get("/v1/orders?status=REJECTED&limit=1000&storeCode=" + store).body();
            for (JsonNode order : list) {
                if (receipt.equals(order.path("receiptId").asText())) {
                    rejected++;
                    break;
                }
            }
        }
        return new Result(receipts.size() - missing.size(), rejected, missing.size() - rejected, duplicated, extra,
                unacknowledgedInFeed);
    }
}
