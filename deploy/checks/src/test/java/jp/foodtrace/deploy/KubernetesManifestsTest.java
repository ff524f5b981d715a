package jp.foodtrace.deploy;

import jp.foodtrace.messaging.Topic;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.platform.ProductionContract;
import jp.foodtrace.platform.SuiteService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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

    static final int HTTP_PORT = 8080;
    static final int MANAGEMENT_PORT = 9080;
    /** The Secret with the services' tokens and keys; keys are the variable names. */
    static final String APP_SECRETS = "suite-app-secrets";

    /**
     * What every deployment sets besides what the services' production profiles require
     * ({@link ProductionContract}, read from their application.properties).
     */
    static final Set<String> REQUIRED_OF_EVERY_SERVICE = Set.of("QUARKUS_PROFILE", "QUARKUS_HTTP_PORT",
            "QUARKUS_MANAGEMENT_PORT");
    /** Endpoints and names: from the ConfigMap, so an installation changes them in one place. */
    static final Set<String> FROM_CONFIG = Set.of("KAFKA_BOOTSTRAP_SERVERS", "QUARKUS_DATASOURCE_JDBC_URL",
            "SUITE_MAIL_UNSUBSCRIBE_BASE_URL", "SUITE_BOUNCE_BUCKET", "SUITE_BOUNCE_SNS_TOPIC_ARN");

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
            // their port: probesAndScrapingUseTheManagementPortAndServicesOnlyTheApiPort
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
        // ... and the ops console (below), which is not a SuiteService.
        assertEquals(SuiteService.values().length + 1, ofKind(base, "Deployment").size());
    }

    @Test
    void theOpsConsoleIsInternalProbedOnItsManagementPortAndGetsItsWholeContract() {
        String console = "ops-console";
        Map<String, Object> container = container(base, console);
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            assertEquals(MANAGEMENT_PORT, containerPort(container, at(container, probe, "httpGet", "port")), probe);
        }
        for (String kind : List.of("requests", "limits")) {
            assertNotNull(at(container, "resources", kind, "memory"), kind);
        }
        Map<String, Object> svc = named(base, "Service", console);
        assertEquals("ClusterIP", at(svc, "spec", "type"), "the console is reached from inside only");
        for (Object p : list(at(svc, "spec", "ports"))) {
            assertEquals(HTTP_PORT, containerPort(container, map(p).get("targetPort")));
        }
        assertTrue(ofKind(base, "Ingress").isEmpty(), "nothing routes the console from outside");
        named(base, "KafkaUser", console);
        Map<String, Map<String, Object>> env = envByName(container);
        for (String name : ProductionContract.required(Tools.root(), console)) {
            Map<String, Object> var = env.get(name);
            assertNotNull(var, console + " lacks " + name);
            if (ProductionContract.SECRETS.contains(name)) {
                assertEquals(APP_SECRETS, at(var, "valueFrom", "secretKeyRef", "name"), name + " from the app secrets");
            }
        }
        assertEquals("prod", env.get("QUARKUS_PROFILE").get("value"));
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

    static Map<String, Object> container(List<Map<String, Object>> docs, String module) {
        Map<String, Object> deployment = named(docs, "Deployment", module);
        return map(list(at(deployment, "spec", "template", "spec", "containers")).get(0));
    }

    static Map<String, Map<String, Object>> envByName(Map<String, Object> container) {
        Map<String, Map<String, Object>> env = new java.util.LinkedHashMap<>();
        list(container.get("env")).forEach(e -> env.put(String.valueOf(map(e).get("name")), map(e)));
        return env;
    }

    /** The container port a probe or Service names, by name or number. */
    static int containerPort(Map<String, Object> container, Object port) {
        if (port instanceof Number n) {
            return n.intValue();
        }
        for (Object p : list(container.get("ports"))) {
            if (String.valueOf(port).equals(map(p).get("name"))) {
                return ((Number) map(p).get("containerPort")).intValue();
            }
        }
        throw new AssertionError("no container port named " + port + " in " + container.get("name"));
    }

    @Test
    void everyDeploymentSetsEveryVariableOfTheContract() {
        for (SuiteService service : SuiteService.values()) {
            Map<String, Map<String, Object>> env = envByName(container(base, service.module()));
            Set<String> required = new HashSet<>(REQUIRED_OF_EVERY_SERVICE);
            required.addAll(ProductionContract.required(Tools.root(), service));
            for (String name : required) {
                Map<String, Object> var = env.get(name);
                assertNotNull(var, service.module() + " lacks " + name);
                if (ProductionContract.SECRETS.contains(name)) {
                    assertNotNull(at(var, "valueFrom", "secretKeyRef", "name"), service.module() + " " + name
                            + " must come from a Secret");
                } else if (FROM_CONFIG.contains(name)) {
                    assertNotNull(at(var, "valueFrom", "configMapKeyRef", "key"), service.module() + " " + name
                            + " must come from the ConfigMap");
                } else {
                    assertTrue(var.get("value") != null || var.get("valueFrom") != null, service.module() + " " + name);
                }
                assertTrue(at(var, "valueFrom", "secretKeyRef", "optional") == null
                        && at(var, "valueFrom", "configMapKeyRef", "optional") == null,
                        service.module() + " " + name + " is required, not optional");
            }
            assertEquals("prod", env.get("QUARKUS_PROFILE").get("value"), service.module());
            assertEquals(String.valueOf(HTTP_PORT), env.get("QUARKUS_HTTP_PORT").get("value"), service.module());
            assertEquals(String.valueOf(MANAGEMENT_PORT), env.get("QUARKUS_MANAGEMENT_PORT").get("value"),
                    service.module());
            for (String name : env.keySet()) {
                assertTrue(!name.endsWith("ENDPOINT_OVERRIDE") && !name.contains("STATIC_PROVIDER"),
                        service.module() + ": no endpoint override or static AWS keys in the base: " + name);
            }
        }
    }

    @Test
    void probesAndScrapingUseTheManagementPortAndServicesOnlyTheApiPort() {
        for (SuiteService service : SuiteService.values()) {
            Map<String, Object> deployment = named(base, "Deployment", service.module());
            Map<String, Object> container = container(base, service.module());
            Set<Integer> ports = new HashSet<>();
            list(container.get("ports")).forEach(p -> ports.add(((Number) map(p).get("containerPort")).intValue()));
            assertEquals(Set.of(HTTP_PORT, MANAGEMENT_PORT), ports, service.module());
            for (Object p : list(container.get("ports"))) {
                assertNotNull(map(p).get("name"), service.module() + " ports are named");
            }
            for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
                Object port = at(container, probe, "httpGet", "port");
                assertNotNull(port, service.module() + " " + probe);
                assertEquals(MANAGEMENT_PORT, containerPort(container, port), service.module() + " " + probe);
            }
            assertEquals(String.valueOf(MANAGEMENT_PORT), String.valueOf(at(deployment, "spec", "template",
                    "metadata", "annotations", "prometheus.io/port")), service.module() + " scrape port");

            Map<String, Object> svc = named(base, "Service", service.module());
            List<Object> servicePorts = list(at(svc, "spec", "ports"));
            assertTrue(!servicePorts.isEmpty(), service.module());
            assertEquals(HTTP_PORT, containerPort(container, map(servicePorts.get(0)).get("targetPort")),
                    service.module() + ": the Service's main port is the API");
            for (Object p : servicePorts) {
                assertTrue(containerPort(container, map(p).get("targetPort")) != MANAGEMENT_PORT,
                        service.module() + ": the Service must not expose the management port " + p);
            }
        }
    }

    @Test
    void theAppSecretsAreProvidedWithEveryKeyTheServicesRead() throws IOException {
        Set<String> read = new HashSet<>();
        for (SuiteService service : SuiteService.values()) {
            envByName(container(base, service.module())).values().stream()
                    .filter(v -> APP_SECRETS.equals(at(v, "valueFrom", "secretKeyRef", "name")))
                    .forEach(v -> read.add(String.valueOf(at(v, "valueFrom", "secretKeyRef", "key"))));
        }
        assertEquals(Set.of("SUITE_GATEWAY_ADMIN_TOKEN", "SUITE_SYNC_ADMIN_TOKEN", "SUITE_OPS_TOKEN",
                "SUITE_MAIL_UNSUBSCRIBE_KEY"), read);

        // dev: a secretGenerator over the git-ignored app-secrets.env, whose keys the example shows
        Path dev = k8s.resolve("overlays/dev");
        Map<String, Object> devKustomization = map(yaml().load(Files.readString(dev.resolve("kustomization.yaml"))));
        Map<String, Object> generator = list(devKustomization.get("secretGenerator")).stream().map(KubernetesManifestsTest::map)
                .filter(g -> APP_SECRETS.equals(g.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError("dev has no secretGenerator " + APP_SECRETS));
        assertEquals(List.of("app-secrets.env"), generator.get("envs"));
        Set<String> exampleKeys = Files.readAllLines(dev.resolve("app-secrets.env.example")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).map(l -> l.substring(0, l.indexOf('=')))
                .collect(Collectors.toSet());
        assertEquals(read, exampleKeys, "app-secrets.env.example");
        assertTrue(Files.readString(k8s.resolve(".gitignore")).lines()
                .anyMatch(l -> l.trim().equals("overlays/*/app-secrets.env")), "app-secrets.env must be ignored");

        // production: an ExternalSecret with every key
        Map<String, Object> external = documents(k8s.resolve("overlays/production")).stream()
                .filter(d -> "ExternalSecret".equals(d.get("kind")) && APP_SECRETS.equals(at(d, "spec", "target", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("production has no ExternalSecret " + APP_SECRETS));
        Set<String> externalKeys = list(at(external, "spec", "data")).stream()
                .map(d -> String.valueOf(map(d).get("secretKey"))).collect(Collectors.toSet());
        assertEquals(read, externalKeys, "production ExternalSecret keys");
    }

    @Test
    void overlaysBuildWithKustomize(@TempDir Path copy) throws IOException {
        // Debian's kubectl package (installed when missing) carries kustomize.
        Path kubectl = Tools.require("kubectl", "kubectl");
        // A copy, so that the dev overlay's git-ignored env file can be made from the example.
        try (Stream<Path> walk = Files.walk(k8s)) {
            for (Path source : walk.sorted(Comparator.naturalOrder()).toList()) {
                Path target = copy.resolve(k8s.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        Path devSecrets = copy.resolve("overlays/dev/app-secrets.env");
        if (!Files.exists(devSecrets)) {
            Files.copy(copy.resolve("overlays/dev/app-secrets.env.example"), devSecrets);
        }
        for (String overlay : List.of("dev", "production")) {
            Tools.Result result = Tools.run(List.of(kubectl.toString(), "kustomize",
                    copy.resolve("overlays").resolve(overlay).toString()), Map.of(), null, 120);
            assertEquals(0, result.code(), overlay + ": " + Tools.tail(result.output()));
            List<Map<String, Object>> rendered = new ArrayList<>();
            yaml().loadAll(result.output()).forEach(d -> rendered.add(map(d)));
            assertEquals(Topics.ALL.size(), ofKind(rendered, "KafkaTopic").size(), overlay);
            assertEquals(SuiteService.values().length + 1, ofKind(rendered, "Deployment").size(),
                    overlay + ": the services and the ops console");
            // Every secret key a Deployment reads exists in the rendered overlay (Secret or
            // ExternalSecret), or is one Strimzi writes (the KafkaUser's and the cluster CA's).
            Set<String> provided = new HashSet<>();
            for (Map<String, Object> secret : ofKind(rendered, "Secret")) {
                map(secret.getOrDefault("data", Map.of())).keySet()
                        .forEach(k -> provided.add(at(secret, "metadata", "name") + "/" + k));
            }
            for (Map<String, Object> external : ofKind(rendered, "ExternalSecret")) {
                list(at(external, "spec", "data")).forEach(d -> provided.add(at(external, "spec", "target", "name")
                        + "/" + map(d).get("secretKey")));
                if (at(external, "spec", "dataFrom") != null) {
                    provided.add(at(external, "spec", "target", "name") + "/username");
                    provided.add(at(external, "spec", "target", "name") + "/password");
                }
            }
            Set<Object> strimzi = new HashSet<>();
            ofKind(rendered, "KafkaUser").forEach(u -> strimzi.add(at(u, "metadata", "name")));
            for (Map<String, Object> deployment : ofKind(rendered, "Deployment")) {
                Map<String, Object> container = map(list(at(deployment, "spec", "template", "spec", "containers")).get(0));
                for (Map<String, Object> var : envByName(container).values()) {
                    Object name = at(var, "valueFrom", "secretKeyRef", "name");
                    if (name != null && !strimzi.contains(name)) {
                        assertTrue(provided.contains(name + "/" + at(var, "valueFrom", "secretKeyRef", "key")),
                                overlay + ": nothing provides " + name + "/" + at(var, "valueFrom", "secretKeyRef", "key")
                                        + " for " + at(deployment, "metadata", "name"));
                    }
                }
            }
        }
    }
}
