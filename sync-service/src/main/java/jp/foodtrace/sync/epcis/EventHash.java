package jp.foodtrace.sync.epcis;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import jp.foodtrace.sync.epcis.Cbv.Vocabulary;

/**
 * The eventID an event without one is stored under: the CBV 2.0 "EPCIS Event Hash ID"
 * ({@code ni:///sha-256;<hex>?ver=CBV2.0}), so that the same event captured twice (by the same
 * or another party) is stored once. The pre-hash string follows the algorithm's structure: the
 * standard fields in the canonical order as {@code name=value}, children of a field sorted,
 * times in UTC with milliseconds, numbers without trailing zeros, CBV values as GS1 Web URIs,
 * extension fields at the end as {@code {namespace}name=value}, sorted; eventID, recordTime and
 * errorDeclaration are left out (a declared error does not change the event's identity).
 * Known difference from the reference implementation: EPC URNs are hashed as written, not
 * converted to GS1 Digital Link first (that conversion needs GS1 company prefix lengths).
 */
public final class EventHash {

    private static final List<String> ORDER = List.of("eventTime", "eventTimeZoneOffset", "certificationInfo",
            "epcList", "parentID", "inputEPCList", "childEPCs", "quantityList", "childQuantityList",
            "inputQuantityList", "outputEPCList", "outputQuantityList", "action", "transformationID", "bizStep",
            "disposition", "persistentDisposition", "readPoint", "bizLocation", "bizTransactionList", "sourceList",
            "destinationList", "sensorElementList", "ilmd");
    private static final Set<String> LEFT_OUT = Set.of("type", "eventID", "recordTime", "errorDeclaration", "@context");
    private static final Map<String, Vocabulary> VOCABULARY = Map.of("bizStep", Vocabulary.BIZ_STEP, "disposition",
            Vocabulary.DISPOSITION);
    private static final DateTimeFormatter UTC_MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private EventHash() {
    }

    /** The hash ID of an event; {@code namespaces} maps the document's prefixes to their IRIs. */
    public static String of(JsonNode event, Map<String, String> namespaces) {
        return "ni:///sha-256;" + sha256(preHash(event, namespaces)) + "?ver=CBV2.0";
    }

    static String preHash(JsonNode event, Map<String, String> namespaces) {
        StringBuilder out = new StringBuilder("eventType=").append(event.path("type").asText());
        for (String field : ORDER) {
            if (event.has(field) && !event.get(field).isNull()) {
                out.append(field).append('=').append(value(field, event.get(field), namespaces));
            }
        }
        List<String> extensions = new ArrayList<>();
        for (Iterator<String> names = event.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!ORDER.contains(name) && !LEFT_OUT.contains(name)) {
                extensions.add(expand(name, namespaces) + "=" + value(name, event.get(name), namespaces));
            }
        }
        extensions.sort(null);
        extensions.forEach(out::append);
        return out.toString();
    }

    private static String value(String field, JsonNode node, Map<String, String> namespaces) {
        if (node.isArray()) {
            List<String> items = new ArrayList<>();
            node.forEach(item -> items.add(value(field, item, namespaces)));
            items.sort(null);
            return String.join("", items);
        }
        if (node.isObject()) {
            List<String> children = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> child = it.next();
                children.add(expand(child.getKey(), namespaces) + "=" + value(child.getKey(), child.getValue(), namespaces));
            }
            children.sort(null);
            return String.join("", children);
        }
        if (node.isNumber()) {
            BigDecimal d = node.decimalValue().stripTrailingZeros();
            return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        }
        String text = node.asText().strip();
        Vocabulary vocabulary = VOCABULARY.get(field);
        if (vocabulary != null) {
            return vocabulary.webUri(text);
        }
        if (field.equals("type") || field.equals("set") || field.equals("unset")) {
            return text;
        }
        return time(text);
    }

    /** A date-time value in UTC with milliseconds; any other text unchanged. */
    private static String time(String text) {
        if (text.length() < 20 || text.charAt(4) != '-' || text.charAt(10) != 'T') {
            return text;
        }
        try {
            Instant t = OffsetDateTime.parse(text).toInstant();
            Instant rounded = t.plusNanos(500_000).truncatedTo(ChronoUnit.MILLIS);
            return UTC_MILLIS.format(rounded.atOffset(ZoneOffset.UTC));
        } catch (DateTimeParseException e) {
            return text;
        }
    }

    private static String expand(String name, Map<String, String> namespaces) {
        int colon = name.indexOf(':');
        if (colon > 0) {
            String iri = namespaces.get(name.substring(0, colon));
            if (iri != null) {
                return "{" + iri + "}" + name.substring(colon + 1);
            }
        }
        return name;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
