package jp.foodtrace.sim;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Benchmark 3: latency of trace queries over the benchmark data set (sql/trace-bench-data.sql),
 * one client, sequential requests after a warm-up, random start points with a fixed seed.
 */
public final class TraceBench {

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Path home = Path.of(options.text("home", ".local/sim"));
        String sync = options.text("sync", "http://127.0.0.1:8083");
        Http hq = new Http(sync, HqServerSim.token(home, sync, options.text("admin-token", "local-admin-token")));
        int warmup = options.integer("warmup", 100);
        int queries = options.integer("queries", 500);
        Random random = new Random(42);
        Map<String, IntFunction<String>> kinds = new LinkedHashMap<>();
        kinds.put("forward from a supplier lot", i -> "/v1/trace/lots/" + String.format("BSUP%05d", 1 + random.nextInt(20000)) + "/forward");
        kinds.put("forward from a production lot", i -> "/v1/trace/lots/" + String.format("BL%06d", 1 + random.nextInt(100000)) + "/forward");
        kinds.put("back from a production lot", i -> "/v1/trace/lots/" + String.format("BL%06d", 1 + random.nextInt(100000)) + "/back");
        kinds.put("back from a store and day", i -> "/v1/trace/stores/" + String.format("BS%05d", 1 + random.nextInt(2000))
                + "/back?date=" + LocalDate.of(2026, 1, 2).plusDays(random.nextInt(300)));
        for (Map.Entry<String, IntFunction<String>> kind : kinds.entrySet()) {
            Latencies latencies = new Latencies();
            long lots = 0;
            long shipments = 0;
            for (int i = 0; i < warmup + queries; i++) {
                String path = kind.getValue().apply(i);
                long began = System.nanoTime();
                Http.Reply reply = Http.expect(hq.get(path), 200);
                long took = System.nanoTime() - began;
                if (i >= warmup) {
                    latencies.record(took);
                    lots += reply.body().path("lots").size();
                    shipments += reply.body().path("shipments").size();
                }
            }
            System.out.printf("%-32s %s  avg lots %.1f  avg shipments %.1f%n", kind.getKey(), latencies.summary(),
                    (double) lots / queries, (double) shipments / queries);
        }
    }
}
