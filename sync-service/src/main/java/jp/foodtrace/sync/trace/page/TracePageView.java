package jp.foodtrace.sync.trace.page;

import java.util.List;

import io.quarkus.qute.TemplateData;

/**
 * What the trace page shows, already formatted (times in Japan time, links encoded), so that the
 * template only places text, which Qute escapes.
 */
@TemplateData
public record TracePageView(String lang, String query, String otherLanguageHref, String error, Result result) {

    /** One traced lot: the lot itself, where it came from, what was made of it and where it went. */
    @TemplateData
    public record Result(String lotNumber, String itemCode, String plant, String producedAt, List<LotRow> inputs,
            List<LotRow> madeInto, List<ShipmentRow> shipments, List<String> stores, boolean truncated) {
    }

    /** A lot reached by the trace, with the link that traces it in turn. */
    @TemplateData
    public record LotRow(String lotNumber, String href, String itemCode, String plant, String producedAt, int depth,
            boolean known) {
    }

    /** A shipment to a store with its lots and quantities. */
    @TemplateData
    public record ShipmentRow(String shipmentId, String store, String shippedAt, List<ShippedLot> lots) {
    }

    /** A lot and quantity on a shipment. */
    @TemplateData
    public record ShippedLot(String lotNumber, String href, long quantity) {
    }
}
