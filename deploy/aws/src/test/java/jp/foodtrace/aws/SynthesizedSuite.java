package jp.foodtrace.aws;

import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The example installation, synthesized once per test JVM (synthesis takes seconds; every test
 * class reads the same templates), plus helpers to walk the CloudFormation JSON.
 */
final class SynthesizedSuite {

    static final SuiteConfig CONFIG = SuiteConfig.load(Path.of("config/example.json"));

    private static SynthesizedSuite example;

    final SuiteApp.Stacks stacks;
    private final Map<Stack, Map<String, Object>> templates = new LinkedHashMap<>();

    private SynthesizedSuite(SuiteConfig config, String outdir) {
        App app = new App(AppProps.builder().outdir(outdir).build());
        stacks = SuiteApp.build(app, config);
    }

    static synchronized SynthesizedSuite example() {
        if (example == null) {
            example = new SynthesizedSuite(CONFIG, "target/cdk.out/example");
        }
        return example;
    }

    static SynthesizedSuite of(SuiteConfig config, String name) {
        return new SynthesizedSuite(config, "target/cdk.out/" + name);
    }

    /** The stack's template as plain maps and lists. */
    @SuppressWarnings("unchecked")
    synchronized Map<String, Object> template(Stack stack) {
        return templates.computeIfAbsent(stack, s -> (Map<String, Object>) Template.fromStack(s).toJSON());
    }

    List<Map<String, Object>> allTemplates() {
        List<Map<String, Object>> all = new ArrayList<>();
        for (Stack stack : List.of(stacks.network(), stacks.data(), stacks.terminals(), stacks.member(), stacks.mail(),
                stacks.inboundMail(), stacks.services())) {
            all.add(template(stack));
        }
        return all;
    }

    /** Logical id to resource, for every resource of the given type. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> resources(Map<String, Object> template, String type) {
        Map<String, Map<String, Object>> found = new LinkedHashMap<>();
        Map<String, Object> all = (Map<String, Object>) template.getOrDefault("Resources", Map.of());
        all.forEach((id, resource) -> {
            Map<String, Object> r = (Map<String, Object>) resource;
            if (type.equals(r.get("Type"))) {
                found.put(id, r);
            }
        });
        return found;
    }

    static Map<String, Object> properties(Map<String, Object> resource) {
        return map(resource.get("Properties"));
    }

    static Map<String, Object> only(Map<String, Map<String, Object>> resources) {
        if (resources.size() != 1) {
            throw new AssertionError("expected exactly one resource, found " + resources.keySet());
        }
        return resources.values().iterator().next();
    }

    static String onlyId(Map<String, Map<String, Object>> resources) {
        only(resources);
        return resources.keySet().iterator().next();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return (Map<String, Object>) Objects.requireNonNull(value, "missing value");
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    /** {@code {"Ref": id}} */
    static Map<String, Object> ref(String logicalId) {
        return Map.of("Ref", logicalId);
    }

    /** The logical id behind a Ref or Fn::GetAtt, or null. */
    static String referencedId(Object value) {
        if (value instanceof Map<?, ?> m) {
            if (m.get("Ref") instanceof String id) {
                return id;
            }
            if (m.get("Fn::GetAtt") instanceof List<?> att) {
                return (String) att.get(0);
            }
        }
        return null;
    }

    /**
     * Follows a cross-stack reference: the export in {@code producer} that an
     * {@code Fn::ImportValue} in the consumer names, and the logical id it exports.
     */
    static String importedId(Object value, Map<String, Object> producer) {
        if (!(value instanceof Map<?, ?> m) || !m.containsKey("Fn::ImportValue")) {
            return null;
        }
        Object exportName = m.get("Fn::ImportValue");
        for (Object output : map(producer.getOrDefault("Outputs", Map.of())).values()) {
            Map<String, Object> o = map(output);
            if (o.get("Export") instanceof Map<?, ?> export && exportName.equals(export.get("Name"))) {
                return referencedId(o.get("Value"));
            }
        }
        return null;
    }
}
