package jp.foodtrace.sync.trace;

import java.time.Instant;
import java.util.List;

/**
 * The result of a trace, shaped after GS1 EPCIS 2.0: lots are the objects (class-level
 * identification: item + lot), each production lot is a transformation event (input lots to
 * output lot), each shipment a shipping event (HQ to a store). {@code truncated} says that the
 * depth bound cut the genealogy off.
 */
public record Trace(String direction, String originKind, String originId, int maxDepth, boolean truncated,
        List<LotNode> lots, List<Transformation> transformations, List<Shipping> shipments, List<String> stores,
        List<String> orders) {

    /** A lot reached by the trace, at its smallest distance from the origin; known = HQ sent it as a lot. */
    public record LotNode(String lotNumber, String itemCode, String plant, Instant producedAt, int depth, boolean known) {
    }

    /** A production lot as an EPCIS transformation: inputs consumed, output lot produced. */
    public record Transformation(String outputLot, String itemCode, Instant producedAt, String plant,
            List<Quantity> inputs) {
    }

    /** A shipment as an EPCIS shipping event from HQ to a store, with the orders it fulfils. */
    public record Shipping(String shipmentId, String destinationStore, Instant shippedAt, List<String> orderIds,
            List<Quantity> lots) {
    }

    /** A quantity of a lot (EPCIS quantity element with the lot as class-level id). */
    public record Quantity(String lotNumber, String itemCode, long quantity) {
    }
}
