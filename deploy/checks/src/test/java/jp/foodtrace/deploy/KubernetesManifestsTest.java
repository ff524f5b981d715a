package jp.foodtrace.deploy;

import jp.foodtrace.messaging.Topic;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.platform.SuiteService;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Kubernetes manifests against the suite's own lists: every topic of {@link Topics#ALL} has
 * its KafkaTopic with the right partitions and cleanup policy, every {@link SuiteService} its
 * Deployment with both probes, resources and an autoscaler, and every kustomization names every
 * manifest file next to it (a file left out would silently not be deployed).
 */
class KubernetesManifestsTest {

    static Path k8s;
    static List<Map<String, Object>> base;

    @BeforeAll
    static void load() throws IOException {
        k8s = Tools.root().resolve("deploy/k8s");
        base = documents(k8s.resolve("base"));
    }

    static List<Map<String, Object>> documents(Path dir) throws IOException {
        List<Map<String, Object>> docs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                if (file.getFileName().toString().equals("kustomization.yaml")) {
                    continue;
                }
                for (Object doc : yaml().loadAll(Files.readString(file))) {
                    assertNotNull(doc, "empty YAML document in " + file);
                    docs.add(map(doc));
                }
            }
        }
        return docs;
    }

    static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        assertNotNull(value);
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }

    static Object at(Map<String, Object> doc, String... path) {
        Object current = doc;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> m)) {
                return null;
            }
            current = m.get(key);
        }
        return current;
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    static Map<String, Object> named(List<Map<String, Object>> docs, String kind, String name) {
        return ofKind(docs, kind).stream().filter(d -> name.equals(at(d, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " named " + name));
    }

    @Test
    void everyTopicHasItsKafkaTopicWithPartitionsAndCleanupPolicy() {
        String cluster = (String) at(ofKind(base, "Kafka").get(0), "metadata", "name");
        List<Map<String, Object>> declared = ofKind(base, "KafkaTopic");
        for (Topic topic : Topics.ALL) {
            Map<String, Object> kafkaTopic = declared.stream()
                    .filter(d -> topic.name().equals(at(d, "spec", "topicName")))
                    .findFirst().orElseThrow(() -> new AssertionError("no KafkaTopic for " + topic.name()));
            assertEquals(topic.partitions(), at(kafkaTopic, "spec", "partitions"), topic.name());
            assertEquals(topic.compacted() ? "compact" : "delete", at(kafkaTopic, "spec", "config", "cleanup.policy"),
                    topic.name());
            assertEquals(cluster, at(kafkaTopic, "metadata", "labels", "strimzi.io/cluster"), topic.name());
        }
        Set<String> expected = Topics.ALL.stream().map(Topic::name).collect(Collectors.toSet());
        Set<Object> actual = declared.stream().map(d -> at(d, "spec", "topicName")).collect(Collectors.toSet());
        assertEquals(expected, actual, "no KafkaTopic outside the architecture");
        assertEquals(declared.size(), actual.size(), "no topic declared twice");
    }

    @Test
    void kafkaRunsInKraftModeWithControllerAndBrokerPools() {
        Map<String, Object> kafka = ofKind(base, "Kafka").get(0);
        assertEquals("enabled", at(kafka, "metadata", "annotations", "strimzi.io/kraft"));
        assertEquals("enabled", at(kafka, "metadata", "annotations", "strimzi.io/node-pools"));
        assertEquals(null, at(kafka, "spec", "zookeeper"));
        assertEquals(false, at(kafka, "spec", "kafka", "config", "auto.create.topics.enable"));
        Set<Object> roles = new HashSet<>();
        for (Map<String, Object> pool : ofKind(base, "KafkaNodePool")) {
            assertEquals(at(kafka, "metadata", "name"), at(pool, "metadata", "labels", "strimzi.io/cluster"));
            roles.addAll(list(at(pool, "spec", "roles")));
        }
        assertEquals(Set.of("controller", "broker"), roles);
    }

    @Test
    void everyServiceHasItsDeploymentWithProbesResourcesAndAutoscaler() {
        Set<Object> configMapKeys = map(at(named(base, "ConfigMap", "suite-config"), "data")).keySet()
                .stream().map(Object.class::cast).collect(Collectors.toSet());
        for (SuiteService service : SuiteService.values()) {
            Map<String, Object> deployment = named(base, "Deployment", service.module());
            Map<String, Object> container = map(list(at(deployment, "spec", "template", "spec", "containers")).get(0));
            assertEquals("/q/health/live", at(container, "livenessProbe", "httpGet", "path"), service.module());
            assertEquals("/q/health/ready", at(container, "readinessProbe", "httpGet", "path"), service.module());
            Object port = map(list(container.get("ports")).get(0)).get("name");
            assertEquals(port, at(container, "livenessProbe", "httpGet", "port"), service.module());
            assertEquals(port, at(container, "readinessProbe", "httpGet", "port"), service.module());
            for (String kind : List.of("requests", "limits")) {
                assertNotNull(at(container, "resources", kind, "cpu"), service.module() + " " + kind);
                assertNotNull(at(container, "resources", kind, "memory"), service.module() + " " + kind);
            }
            Map<String, Object> hpa = named(base, "HorizontalPodAutoscaler", service.module());
            assertEquals("Deployment", at(hpa, "spec", "scaleTargetRef", "kind"));
            assertEquals(service.module(), at(hpa, "spec", "scaleTargetRef", "name"));
            int max = ((Number) at(hpa, "spec", "maxReplicas")).intValue();
            int maxPartitions = Topics.ALL.stream().mapToInt(Topic::partitions).max().orElseThrow();
            assertTrue(max >= ((Number) at(hpa, "spec", "minReplicas")).intValue() && max <= maxPartitions,
                    service.module() + " maxReplicas " + max);
            named(base, "Service", service.module());
            named(base, "KafkaUser", service.module());

            for (Object e : list(container.get("env"))) {
                Map<String, Object> env = map(e);
                Object key = at(env, "valueFrom", "configMapKeyRef", "key");
                if (key != null) {
                    assertEquals("suite-config", at(env, "valueFrom", "configMapKeyRef", "name"));
                    assertTrue(configMapKeys.contains(key), service.module() + " reads missing config key " + key);
                }
                assertTrue(!String.valueOf(env.get("name")).contains("PASSWORD") || env.get("value") == null,
                        service.module() + " has a literal password");
            }
        }
        assertEquals(SuiteService.values().length, ofKind(base, "Deployment").size());
    }

    @Test
    void everyKustomizationListsEveryFileBesideIt() throws IOException {
        List<Path> kustomizations;
        try (Stream<Path> walk = Files.walk(k8s)) {
            kustomizations = walk.filter(p -> p.getFileName().toString().equals("kustomization.yaml")).toList();
        }
        assertEquals(3, kustomizations.size(), kustomizations.toString());
        for (Path kustomization : kustomizations) {
            Map<String, Object> k = map(yaml().load(Files.readString(kustomization)));
            Set<String> named = new HashSet<>();
            list(k.get("resources")).forEach(r -> named.add(String.valueOf(r)));
            list(k.get("patches")).forEach(p -> named.add(String.valueOf(map(p).get("path"))));
            Path dir = kustomization.getParent();
            for (String entry : named) {
                assertTrue(Files.exists(dir.resolve(entry)), kustomization + " names missing " + entry);
            }
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                    String name = file.getFileName().toString();
                    if (!name.equals("kustomization.yaml")) {
                        assertTrue(named.contains(name), kustomization + " does not list " + name);
                    }
                }
            }
        }
    }

    @Test
    void everySecretTheServicesReadIsProvidedByEachOverlay() throws IOException {
        for (String overlay : List.of("dev", "production")) {
            Path dir = k8s.resolve("overlays").resolve(overlay);
            Map<String, Object> k = map(yaml().load(Files.readString(dir.resolve("kustomization.yaml"))));
            Set<Object> provided = new HashSet<>();
            list(k.get("secretGenerator")).forEach(g -> provided.add(map(g).get("name")));
            documents(dir).stream().filter(d -> "ExternalSecret".equals(d.get("kind")))
                    .forEach(d -> provided.add(at(d, "spec", "target", "name")));
            for (SuiteService service : SuiteService.values()) {
                assertTrue(provided.contains(service.module() + "-db"), overlay + " lacks " + service.module() + "-db");
            }
        }
    }

    @Test
    void overlaysBuildWithKustomize() {
        // kubectl is optional on a build machine; the Java checks above do not depend on it.
        Path kubectl = Tools.which("kubectl");
        Assumptions.assumeTrue(kubectl != null, "kubectl is not installed, so kustomize builds are not run");
        for (String overlay : List.of("dev", "production")) {
            Tools.Result result = Tools.run(List.of(kubectl.toString(), "kustomize",
                    k8s.resolve("overlays").resolve(overlay).toString()), Map.of(), null, 120);
            assertEquals(0, result.code(), overlay + ": " + Tools.tail(result.output()));
            List<Map<String, Object>> rendered = new ArrayList<>();
            yaml().loadAll(result.output()).forEach(d -> rendered.add(map(d)));
            assertEquals(Topics.ALL.size(), ofKind(rendered, "KafkaTopic").size(), overlay);
            assertEquals(SuiteService.values().length, ofKind(rendered, "Deployment").size(), overlay);
        }
    }
}
