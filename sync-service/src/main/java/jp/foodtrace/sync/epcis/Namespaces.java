package jp.foodtrace.sync.epcis;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The namespace prefixes (and any other terms) a document's {@code @context} defines beside the
 * standard context (for example {@code "example": "http://ns.example.com/epcis/"}): kept with each
 * captured event so that a query answer declares them again and extension fields keep their
 * meaning.
 */
public final class Namespaces {

    private Namespaces() {
    }

    /** The prefixes and terms as written (an IRI, or a term definition object). */
    public static Map<String, JsonNode> definitions(JsonNode context) {
        Map<String, JsonNode> terms = new LinkedHashMap<>();
        if (context == null) {
            return terms;
        }
        if (context.isArray()) {
            context.forEach(c -> terms.putAll(definitions(c)));
        } else if (context.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = context.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("@version") && !e.getKey().equals("@protected")) {
                    terms.put(e.getKey(), e.getValue());
                }
            }
        }
        return terms;
    }

    /** Prefix to namespace IRI, for expanding extension field names (the event hash). */
    public static Map<String, String> of(JsonNode context) {
        Map<String, String> prefixes = new LinkedHashMap<>();
        if (context == null) {
            return prefixes;
        }
        if (context.isArray()) {
            context.forEach(c -> prefixes.putAll(of(c)));
        } else if (context.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = context.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual() && !e.getKey().startsWith("@")) {
                    prefixes.put(e.getKey(), e.getValue().asText());
                }
            }
        }
        return prefixes;
    }
}
