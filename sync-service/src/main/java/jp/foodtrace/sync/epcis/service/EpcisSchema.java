package jp.foodtrace.sync.epcis.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;

/**
 * The GS1 EPCIS 2.0 JSON Schema (draft 7, {@code epcis/EPCIS-JSON-Schema.json}, copied from the
 * standard with its notice), loaded once from the class path: nothing is fetched at run time (all
 * of its references are inside the file).
 */
@ApplicationScoped
public class EpcisSchema {

    /** One schema violation: where in the document (JSON pointer) and what. */
    public record Violation(String pointer, String keyword, String message) {
    }

    private final Schema schema;

    public EpcisSchema(ObjectMapper mapper) {
        try (InputStream in = EpcisSchema.class.getResourceAsStream("/epcis/EPCIS-JSON-Schema.json")) {
            JsonNode node = mapper.readTree(in);
            this.schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(node);
        } catch (IOException e) {
            throw new UncheckedIOException("the EPCIS JSON Schema cannot be read", e);
        }
    }

    public List<Violation> validate(JsonNode document) {
        List<Violation> violations = new ArrayList<>();
        for (Error e : schema.validate(document)) {
            violations.add(new Violation(pointer(e.getInstanceLocation()), e.getKeyword(), e.getMessage()));
        }
        return violations;
    }

    /** RFC 6901 pointer of a node path ({@code ~} and {@code /} escaped). */
    static String pointer(NodePath path) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            out.append('/').append(element.toString().replace("~", "~0").replace("/", "~1"));
        }
        return out.toString();
    }
}
