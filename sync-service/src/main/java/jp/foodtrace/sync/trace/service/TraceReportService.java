package jp.foodtrace.sync.trace.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import jp.foodtrace.sync.trace.ReportRow;
import jp.foodtrace.sync.trace.Trace;
import jp.foodtrace.sync.trace.repository.ReportRepository;
import jp.foodtrace.sync.trace.repository.ReportRepository.ProductName;

/**
 * The recall spreadsheet of a lot: its trace back (where it came from) and forward (what was
 * made from it and where it went), one row per critical tracking event and lot, sorted by time.
 * HQ's production lots are transformation rows, its shipments shipping rows; a partner's captured
 * EPCIS transformations and shipping/receiving events come in with their event ids.
 */
@ApplicationScoped
public class TraceReportService {

    static final String HQ = "本部 (HQ)";
    static final String HQ_ID = "https://id.foodtrace.jp/hq";

    private final TraceService trace;
    private final ReportRepository names;

    public TraceReportService(TraceService trace, ReportRepository names) {
        this.trace = trace;
        this.names = names;
    }

    public List<ReportRow> report(String lotNumber) {
        Trace back = trace.backForReport(lotNumber);
        Trace forward = trace.forwardForRecall(lotNumber);
        Map<String, Trace.Transformation> transformations = new LinkedHashMap<>();
        for (Trace t : List.of(back, forward)) {
            t.transformations().forEach(x -> transformations.putIfAbsent(x.outputLot() + "\n" + x.eventId(), x));
        }
        Map<String, Trace.Movement> movements = new LinkedHashMap<>();
        for (Trace t : List.of(back, forward)) {
            t.movements().forEach(m -> movements.putIfAbsent(m.eventId(), m));
        }
        Set<String> items = new LinkedHashSet<>();
        Set<String> lots = new LinkedHashSet<>();
        transformations.values().forEach(x -> {
            items.add(x.itemCode());
            lots.add(x.outputLot());
            x.inputs().forEach(q -> lots.add(q.lotNumber()));
        });
        forward.shipments().forEach(s -> s.lots().forEach(q -> {
            items.add(q.itemCode());
            lots.add(q.lotNumber());
        }));
        movements.values().forEach(m -> m.lots().forEach(q -> items.add(q.itemCode())));
        items.remove(null);
        Map<String, ProductName> products = names.products(List.copyOf(items));
        Map<String, String> stores = names.stores(forward.stores());
        Map<String, String[]> lotInfo = names.lots(List.copyOf(lots));

        List<ReportRow> rows = new ArrayList<>();
        for (Trace.Transformation x : transformations.values()) {
            ProductName p = products.get(x.itemCode());
            StringBuilder inputs = new StringBuilder();
            x.inputs().forEach(q -> inputs.append(inputs.isEmpty() ? "" : "; ").append(q.lotNumber())
                    .append(q.quantity() > 0 ? " (" + q.quantity() + ")" : ""));
            boolean captured = x.eventId() != null;
            String[] info = lotInfo.get(x.outputLot());
            rows.add(new ReportRow(x.producedAt(), "transformation", x.outputLot(), gtin(x.itemCode()),
                    p == null ? null : p.name(), captured || info == null ? null : info[0], p == null ? null : p.unit(),
                    x.plant(), captured ? x.plant() : "https://id.foodtrace.jp/plant/" + x.plant(),
                    captured ? "EPCIS event" : "production lot", captured ? x.eventId() : x.outputLot(),
                    null, null, inputs.toString(), captured ? "epcis" : "hq", x.eventId()));
        }
        for (Trace.Shipping s : forward.shipments()) {
            for (Trace.Quantity q : s.lots()) {
                ProductName p = products.get(q.itemCode());
                String[] info = lotInfo.get(q.lotNumber());
                String reference = s.orderIds().isEmpty() ? s.shipmentId()
                        : s.shipmentId() + "; " + String.join(" ", s.orderIds());
                String store = stores.get(s.destinationStore());
                rows.add(new ReportRow(s.shippedAt(), "shipping", q.lotNumber(), gtin(q.itemCode()),
                        p == null ? null : p.name(), Long.toString(q.quantity()), p == null ? null : p.unit(), HQ, HQ_ID,
                        s.orderIds().isEmpty() ? "shipment" : "shipment; purchase orders", reference,
                        info == null ? null : info[1],
                        s.destinationStore() + (store == null ? "" : " " + store), null, "hq", null));
            }
        }
        for (Trace.Movement m : movements.values()) {
            for (Trace.Quantity q : m.lots()) {
                ProductName p = products.get(q.itemCode());
                rows.add(new ReportRow(m.eventTime(), m.bizStep() == null ? "other" : m.bizStep(), q.lotNumber(),
                        gtin(q.itemCode()), p == null ? null : p.name(), q.quantity() > 0 ? Long.toString(q.quantity()) : null,
                        p == null ? null : p.unit(), m.bizLocation(), m.bizLocation(), "business transaction",
                        String.join(" ", m.bizTransactions()), String.join(" ", m.sources()),
                        String.join(" ", m.destinations()), null, "epcis", m.eventId()));
            }
        }
        rows.sort(Comparator.comparing(ReportRow::eventTime, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(ReportRow::cte).thenComparing(ReportRow::lotCode));
        return rows;
    }

    /** GTIN-14 of a JAN item code (GTIN-13 or GTIN-8 padded with zeros). */
    static String gtin(String itemCode) {
        if (itemCode == null) {
            return null;
        }
        return "0".repeat(Math.max(0, 14 - itemCode.length())) + itemCode;
    }
}
