package jp.foodtrace.sync.trace.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.rest.ProblemException;
import jp.foodtrace.sync.config.SyncConfig;
import jp.foodtrace.sync.trace.Trace;
import jp.foodtrace.sync.trace.repository.TraceRepository;
import jp.foodtrace.sync.trace.repository.TraceRepository.Direction;
import jp.foodtrace.sync.trace.repository.TraceRepository.Walk;

/**
 * Traces forward (lot -> lots made from it -> shipments -> stores and orders) and back (lot,
 * order or store and day -> shipped lots -> input lots, recursively).
 */
@ApplicationScoped
public class TraceService {

    private final TraceRepository graph;
    private final SyncConfig config;

    public TraceService(TraceRepository graph, SyncConfig config) {
        this.graph = graph;
        this.config = config;
    }

    public Trace forwardFromLot(String lotNumber, Integer depth) {
        requireLot(lotNumber);
        int max = depth(depth);
        Walk walk = graph.walk(List.of(lotNumber), Direction.FORWARD, max);
        List<String> lots = List.copyOf(walk.depths().keySet());
        List<Trace.Shipping> shipments = graph.shipmentsOfLots(lots);
        return new Trace("forward", "lot", lotNumber, max, walk.truncated(), graph.lots(walk.depths()),
                graph.transformations(lots), shipments, stores(shipments), orders(shipments),
                graph.movementsOfLots(lots));
    }

    public Trace backFromLot(String lotNumber, Integer depth) {
        requireLot(lotNumber);
        return back("lot", lotNumber, List.of(lotNumber), List.of(), depth(depth));
    }

    public Trace backFromOrder(String orderId, Integer depth) {
        List<Trace.Shipping> shipments = graph.shipmentsOfOrder(orderId);
        if (shipments.isEmpty()) {
            throw ProblemException.notFound("no shipment fulfils order " + orderId);
        }
        return back("order", orderId, shippedLots(shipments), shipments, depth(depth));
    }

    public Trace backFromStoreDay(String storeCode, LocalDate day, Integer depth) {
        List<Trace.Shipping> shipments = graph.shipmentsToStoreOn(storeCode, day);
        return back("store-day", storeCode + "/" + day, shippedLots(shipments), shipments, depth(depth));
    }

    /** The lots of a forward trace's shipments' destinations: what a recall must reach. */
    public Trace forwardForRecall(String lotNumber) {
        return forwardFromLot(lotNumber, config.trace().maxDepth());
    }

    /** Back from a lot to the maximum depth: the upstream half of the recall spreadsheet. */
    public Trace backForReport(String lotNumber) {
        return backFromLot(lotNumber, config.trace().maxDepth());
    }

    private Trace back(String kind, String id, List<String> seeds, List<Trace.Shipping> shipments, int max) {
        if (seeds.isEmpty()) {
            return new Trace("back", kind, id, max, false, List.of(), List.of(), shipments, stores(shipments),
                    orders(shipments), List.of());
        }
        Walk walk = graph.walk(seeds, Direction.BACK, max);
        List<String> lots = List.copyOf(walk.depths().keySet());
        return new Trace("back", kind, id, max, walk.truncated(), graph.lots(walk.depths()), graph.transformations(lots),
                shipments, stores(shipments), orders(shipments), graph.movementsOfLots(lots));
    }

    private void requireLot(String lotNumber) {
        if (!graph.lotMentioned(lotNumber)) {
            throw ProblemException.notFound("lot " + lotNumber + " is unknown");
        }
    }

    private int depth(Integer requested) {
        int d = requested == null ? config.trace().defaultDepth() : requested;
        if (d < 0 || d > config.trace().maxDepth()) {
            throw ProblemException.badRequest("invalid-depth", "depth must be 0.." + config.trace().maxDepth());
        }
        return d;
    }

    private static List<String> shippedLots(List<Trace.Shipping> shipments) {
        LinkedHashSet<String> lots = new LinkedHashSet<>();
        shipments.forEach(s -> s.lots().forEach(q -> lots.add(q.lotNumber())));
        return new ArrayList<>(lots);
    }

    private static List<String> stores(List<Trace.Shipping> shipments) {
        return shipments.stream().map(Trace.Shipping::destinationStore).distinct().sorted().toList();
    }

    private static List<String> orders(List<Trace.Shipping> shipments) {
        return shipments.stream().flatMap(s -> s.orderIds().stream()).distinct().sorted().toList();
    }
}
