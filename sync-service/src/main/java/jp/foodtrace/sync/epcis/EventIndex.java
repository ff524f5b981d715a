package jp.foodtrace.sync.epcis;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import jp.foodtrace.sync.epcis.Cbv.Vocabulary;

/**
 * What the store keeps beside a captured event's JSON: the columns and identifier rows the simple
 * query filters on, and the lot genealogy and lot movements the trace follows. Read from the
 * event as the JSON Schema shapes it (compact JSON-LD with the standard context).
 */
public record EventIndex(String eventType, Instant eventTime, String action, String bizStep, String disposition,
        String readPoint, String bizLocation, boolean errorDeclared, List<Ref> refs, List<LotEdge> edges,
        List<LotMovement> movements) {

    /** An identifier of the event in a role (epc, class, input_class, bt:po, source:owning_party, ...). */
    public record Ref(String role, String value) {
    }

    /** A captured TransformationEvent's statement that a lot was made from another. */
    public record LotEdge(LotClass output, LotClass input, BigDecimal inputQuantity) {
    }

    /** A lot carried by a captured ObjectEvent or TransactionEvent (shipping, receiving, ...). */
    public record LotMovement(LotClass lot, BigDecimal quantity, String uom) {
    }

    public static EventIndex of(JsonNode event) {
        String type = text(event, "type");
        List<Ref> refs = new ArrayList<>();
        list(event, "epcList").forEach(v -> refs.add(new Ref("epc", v)));
        list(event, "childEPCs").forEach(v -> refs.add(new Ref("epc", v)));
        if (event.hasNonNull("parentID")) {
            refs.add(new Ref("parent", event.get("parentID").asText()));
        }
        list(event, "inputEPCList").forEach(v -> refs.add(new Ref("input_epc", v)));
        list(event, "outputEPCList").forEach(v -> refs.add(new Ref("output_epc", v)));
        classes(event, "quantityList").forEach(v -> refs.add(new Ref("class", v)));
        classes(event, "childQuantityList").forEach(v -> refs.add(new Ref("class", v)));
        classes(event, "inputQuantityList").forEach(v -> refs.add(new Ref("input_class", v)));
        classes(event, "outputQuantityList").forEach(v -> refs.add(new Ref("output_class", v)));
        typed(event, "bizTransactionList", "bizTransaction", Vocabulary.BIZ_TRANSACTION_TYPE, "bt:", refs);
        typed(event, "sourceList", "source", Vocabulary.SOURCE_DEST_TYPE, "source:", refs);
        typed(event, "destinationList", "destination", Vocabulary.SOURCE_DEST_TYPE, "dest:", refs);

        List<LotEdge> edges = new ArrayList<>();
        List<LotMovement> movements = new ArrayList<>();
        if ("TransformationEvent".equals(type)) {
            List<LotClass> outputs = new ArrayList<>();
            classes(event, "outputQuantityList").forEach(c -> LotClass.parse(c).ifPresent(outputs::add));
            for (JsonNode q : iterable(event.get("inputQuantityList"))) {
                LotClass.parse(text(q, "epcClass")).ifPresent(in -> outputs
                        .forEach(out -> edges.add(new LotEdge(out, in, decimal(q.get("quantity"))))));
            }
        } else {
            for (String field : List.of("quantityList", "childQuantityList")) {
                for (JsonNode q : iterable(event.get(field))) {
                    LotClass.parse(text(q, "epcClass")).ifPresent(
                            lot -> movements.add(new LotMovement(lot, decimal(q.get("quantity")), text(q, "uom"))));
                }
            }
        }
        return new EventIndex(type, time(text(event, "eventTime")), text(event, "action"),
                Cbv.bare(Vocabulary.BIZ_STEP, text(event, "bizStep")),
                Cbv.bare(Vocabulary.DISPOSITION, text(event, "disposition")), id(event, "readPoint"),
                id(event, "bizLocation"), event.has("errorDeclaration"), List.copyOf(refs), List.copyOf(edges),
                List.copyOf(movements));
    }

    /** An xsd:dateTime with its offset (the schema requires one) as an instant. */
    public static Instant time(String value) {
        return value == null ? null : OffsetDateTime.parse(value).toInstant();
    }

    private static void typed(JsonNode event, String list, String field, Vocabulary vocabulary, String prefix,
            List<Ref> refs) {
        for (JsonNode e : iterable(event.get(list))) {
            String type = text(e, "type");
            String value = text(e, field);
            if (value != null) {
                refs.add(new Ref(prefix + (type == null ? "" : Cbv.bare(vocabulary, type)), value));
            }
        }
    }

    private static List<String> list(JsonNode event, String field) {
        List<String> values = new ArrayList<>();
        iterable(event.get(field)).forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> classes(JsonNode event, String field) {
        List<String> values = new ArrayList<>();
        iterable(event.get(field)).forEach(q -> {
            if (q.hasNonNull("epcClass")) {
                values.add(q.get("epcClass").asText());
            }
        });
        return values;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node != null && node.isArray() ? node : List.of();
    }

    private static String id(JsonNode event, String field) {
        JsonNode n = event.get(field);
        return n != null && n.hasNonNull("id") ? n.get("id").asText() : null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        return n == null || n.isNull() ? null : n.asText();
    }

    private static BigDecimal decimal(JsonNode n) {
        return n != null && n.isNumber() ? n.decimalValue() : null;
    }
}
