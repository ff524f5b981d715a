package jp.foodtrace.sync.trace;

import java.time.Instant;
import java.util.List;

/**
 * One critical tracking event of a lot's trace with the key data elements regulators ask for
 * (US FDA FSMA 204: traceability lot code, product and its GTIN, quantity and unit, location
 * of the event, date/time, the reference document, immediate previous source and next
 * recipient), one row of the recall spreadsheet.
 */
public record ReportRow(Instant eventTime, String cte, String lotCode, String gtin, String product, String quantity,
        String unit, String location, String locationId, String referenceDocumentType, String referenceDocument,
        String previousSource, String nextRecipient, String inputLots, String source, String eventId) {

    /** Column headers, in the order of the record. */
    public static final List<String> COLUMNS = List.of("event_time", "critical_tracking_event", "traceability_lot_code",
            "gtin", "product_description", "quantity", "unit_of_measure", "location_description", "location_id",
            "reference_document_type", "reference_document_number", "immediate_previous_source",
            "immediate_subsequent_recipient", "input_traceability_lot_codes", "data_source", "epcis_event_id");

    private static final java.time.format.DateTimeFormatter TIME = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

    /** The cells in column order, times in the zone given with their offset (sortable as text). */
    public List<String> values(java.time.ZoneId zone) {
        return java.util.Arrays.asList(eventTime == null ? "" : TIME.format(eventTime.atZone(zone)),
                cte, lotCode, gtin, product, quantity, unit, location, locationId, referenceDocumentType,
                referenceDocument, previousSource, nextRecipient, inputLots, source, eventId);
    }
}
