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
        List<String> orders, List<Movement> movements) {

    /** A lot reached by the trace, at its smallest distance from the origin; known = HQ sent it as a lot. */
    public record LotNode(String lotNumber, String itemCode, String plant, Instant producedAt, int depth, boolean known) {
    }

    /**
     * A production lot as an EPCIS transformation: inputs consumed, output lot produced.
     * {@code eventId} is set for a transformation a partner captured over EPCIS (then
     * {@code plant} is the event's bizLocation), null for HQ's own production lots.
     */
    public record Transformation(String outputLot, String itemCode, Instant producedAt, String plant,
            List<Quantity> inputs, String eventId) {
    }

    /**
     * A captured EPCIS ObjectEvent or TransactionEvent that moved lots of the trace (a supplier
     * shipping to HQ, a receipt): where from, where to, and which lots.
     */
    public record Movement(String eventId, String eventType, Instant eventTime, String bizStep, String bizLocation,
            List<String> sources, List<String> destinations, List<String> bizTransactions, List<Quantity> lots) {
    }

    /** A shipment as an EPCIS shipping event from HQ to a store, with the orders it fulfils. */
    public record Shipping(String shipmentId, String destinationStore, Instant shippedAt, List<String> orderIds,
            List<Quantity> lots) {
    }

    /** A quantity of a lot (EPCIS quantity element with the lot as class-level id). */
    public record Quantity(String lotNumber, String itemCode, long quantity) {
    }
}
