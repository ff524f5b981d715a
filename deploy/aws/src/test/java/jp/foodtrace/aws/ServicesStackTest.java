package jp.foodtrace.aws;

import jp.foodtrace.messaging.Topics;
import jp.foodtrace.platform.PlatformConfig;
import jp.foodtrace.platform.ProductionContract;
import jp.foodtrace.platform.SuiteService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static jp.foodtrace.aws.SynthesizedSuite.CONFIG;
import static jp.foodtrace.aws.SynthesizedSuite.importedId;
import static jp.foodtrace.aws.SynthesizedSuite.list;
import static jp.foodtrace.aws.SynthesizedSuite.map;
import static jp.foodtrace.aws.SynthesizedSuite.properties;
import static jp.foodtrace.aws.SynthesizedSuite.referencedId;
import static jp.foodtrace.aws.SynthesizedSuite.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServicesStackTest {

    /**
     * What every deployment sets besides what the services' production profiles require
     * ({@link ProductionContract}, read from their application.properties).
     */
    static final Set<String> REQUIRED_OF_EVERY_SERVICE = Set.of("QUARKUS_PROFILE", "QUARKUS_HTTP_PORT",
            "QUARKUS_MANAGEMENT_PORT");

    static SynthesizedSuite suite;
    static Map<String, Object> services;

    @BeforeAll
    static void synthesize() {
        suite = SynthesizedSuite.example();
        services = suite.template(suite.stacks.services());
    }

    static Map<String, Object> container(Map<String, Object> template, String module) {
        for (Map<String, Object> task : resources(template, "AWS::ECS::TaskDefinition").values()) {
            Map<String, Object> container = map(list(properties(task).get("ContainerDefinitions")).get(0));
            if (module.equals(container.get("Name"))) {
                return container;
            }
        }
        throw new AssertionError("no task definition for " + module);
    }

    /** The plain environment of a service's container. */
    static Map<String, Object> environment(Map<String, Object> template, String module) {
        Map<String, Object> env = new LinkedHashMap<>();
        list(container(template, module).get("Environment"))
                .forEach(e -> env.put((String) map(e).get("Name"), map(e).get("Value")));
        return env;
    }

    /** Every policy attached to the service's task role, as text. */
    static String taskRolePolicies(Map<String, Object> template, String module) {
        String taskRole = null;
        for (Map<String, Object> task : resources(template, "AWS::ECS::TaskDefinition").values()) {
            if (module.equals(map(list(properties(task).get("ContainerDefinitions")).get(0)).get("Name"))) {
                taskRole = referencedId(properties(task).get("TaskRoleArn"));
            }
        }
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> policy : resources(template, "AWS::IAM::Policy").values()) {
            if (list(properties(policy).get("Roles")).contains(Map.of("Ref", taskRole))) {
                text.append(properties(policy).get("PolicyDocument"));
            }
        }
        return text.toString();
    }

    private static Map<String, Object> ecsService(String module) {
        return resources(services, "AWS::ECS::Service").values().stream()
                .map(SynthesizedSuite::properties)
                .filter(p -> module.equals(p.get("ServiceName")))
                .findFirst().orElseThrow(() -> new AssertionError("no ECS service " + module));
    }

    @Test
    void everyServiceRunsOnFargateAndScalesUpToItsTopicsPartitions() {
        Map<String, Integer> expectedMax = Map.of(
                "terminal-gateway", partitions(Topics.ORDERS_STATUS),
                "order-service", partitions(Topics.TERMINAL_ORDERS),
                "sync-service", partitions(Topics.ORDERS_ACCEPTED),
                "mail-service", partitions(Topics.MAIL_REQUESTS),
                "bounce-service", partitions(Topics.MAIL_EVENTS));
        Map<String, Map<String, Object>> targets = resources(services, "AWS::ApplicationAutoScaling::ScalableTarget");
        assertEquals(SuiteService.values().length, targets.size());
        for (SuiteService service : SuiteService.values()) {
            Map<String, Object> ecs = ecsService(service.module());
            assertEquals("FARGATE", ecs.get("LaunchType"));
            assertEquals("DISABLED", map(map(ecs.get("NetworkConfiguration")).get("AwsvpcConfiguration"))
                    .get("AssignPublicIp"));
            Map<String, Object> target = targets.values().stream().map(SynthesizedSuite::properties)
                    .filter(t -> String.valueOf(t.get("ResourceId")).contains("Service" + service.module().replace("-", "")))
                    .findFirst().orElseThrow(() -> new AssertionError("no scaling for " + service));
            assertEquals(CONFIG.services().minTasks(), target.get("MinCapacity"), service.module());
            assertEquals(expectedMax.get(service.module()), target.get("MaxCapacity"), service.module());
        }
        assertEquals(SuiteService.values().length, resources(services, "AWS::ApplicationAutoScaling::ScalingPolicy").size());
    }

    private static int partitions(String topic) {
        return Topics.ALL.stream().filter(t -> t.name().equals(topic)).findFirst().orElseThrow().partitions();
    }

    /** Names of the container's ECS secrets. */
    static Set<String> secretNames(Map<String, Object> template, String module) {
        Set<String> names = new HashSet<>();
        list(container(template, module).get("Secrets")).forEach(s -> names.add((String) map(s).get("Name")));
        return names;
    }

    @Test
    void everyServiceGetsEveryVariableOfTheContract() {
        for (SuiteService service : SuiteService.values()) {
            Set<String> required = new HashSet<>(REQUIRED_OF_EVERY_SERVICE);
            required.addAll(ProductionContract.required(PlatformConfig.findRoot(), service));
            Map<String, Object> env = environment(services, service.module());
            Set<String> secrets = secretNames(services, service.module());
            for (String name : required) {
                assertTrue(env.containsKey(name) || secrets.contains(name), service.module() + " lacks " + name);
                if (ProductionContract.SECRETS.contains(name)) {
                    assertTrue(secrets.contains(name) && !env.containsKey(name),
                            service.module() + ": " + name + " must be an ECS secret");
                }
            }
            assertEquals("prod", env.get("QUARKUS_PROFILE"), service.module());
            assertEquals(String.valueOf(ServicesStack.MANAGEMENT_PORT), env.get("QUARKUS_MANAGEMENT_PORT"));
            for (String name : env.keySet()) {
                assertFalse(name.endsWith("ENDPOINT_OVERRIDE") || name.contains("STATIC_PROVIDER"),
                        service.module() + ": no endpoint override or static AWS keys in production: " + name);
            }
        }
        assertEquals(CONFIG.region(), environment(services, "mail-service").get("AWS_REGION"));
    }

    @Test
    void everyTaskSendsSampledSpansWhereTheConfigurationSays() {
        SuiteConfig.Tracing tracing = CONFIG.services().tracing();
        List<String> modules = new ArrayList<>(Arrays.stream(SuiteService.values()).map(SuiteService::module).toList());
        modules.add("ops-console");
        for (String module : modules) {
            Map<String, Object> env = environment(services, module);
            assertEquals(tracing.otlpEndpoint(), env.get("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT"), module);
            assertEquals(String.valueOf(tracing.sampleRatio()), env.get("SUITE_TRACES_SAMPLE_RATIO"), module);
        }
    }

    @Test
    void generatedSecretsAreTheOnesTheTasksRead() {
        Map<String, Map<String, Object>> generated = resources(services, "AWS::SecretsManager::Secret");
        assertEquals(4, generated.size(), generated.keySet().toString());
        for (Map<String, Object> secret : generated.values()) {
            assertTrue(properties(secret).get("GenerateSecretString") != null, secret.toString());
            assertTrue(String.valueOf(properties(secret).get("Name")).startsWith(CONFIG.prefix() + "/app/"));
        }
        Map<String, String> expected = Map.of(
                "terminal-gateway/SUITE_GATEWAY_ADMIN_TOKEN", "gateway-admin-token",
                "sync-service/SUITE_SYNC_ADMIN_TOKEN", "sync-admin-token",
                "order-service/SUITE_OPS_TOKEN", "ops-token",
                "mail-service/SUITE_OPS_TOKEN", "ops-token",
                "bounce-service/SUITE_OPS_TOKEN", "ops-token",
                "mail-service/SUITE_MAIL_UNSUBSCRIBE_KEY", "mail-unsubscribe-key");
        expected.forEach((where, name) -> {
            String module = where.substring(0, where.indexOf('/'));
            String variable = where.substring(where.indexOf('/') + 1);
            Object valueFrom = list(container(services, module).get("Secrets")).stream().map(SynthesizedSuite::map)
                    .filter(s -> variable.equals(s.get("Name"))).findFirst().orElseThrow().get("ValueFrom");
            String id = referencedId(valueFrom);
            assertEquals(CONFIG.prefix() + "/app/" + name,
                    properties(generated.get(id)).get("Name"), where);
        });
        // the execution role may read them
        for (SuiteService service : SuiteService.values()) {
            String policies = executionRolePolicies(services, service.module());
            for (Object s : list(container(services, service.module()).get("Secrets"))) {
                String id = referencedId(map(s).get("ValueFrom"));
                if (id != null) {
                    assertTrue(policies.contains(id), service.module() + " cannot read " + id);
                }
            }
        }
    }

    /** Every policy attached to the service's execution role, as text. */
    static String executionRolePolicies(Map<String, Object> template, String module) {
        String role = null;
        for (Map<String, Object> task : resources(template, "AWS::ECS::TaskDefinition").values()) {
            if (module.equals(map(list(properties(task).get("ContainerDefinitions")).get(0)).get("Name"))) {
                role = referencedId(properties(task).get("ExecutionRoleArn"));
            }
        }
        StringBuilder text = new StringBuilder();
        for (Map<String, Object> policy : resources(template, "AWS::IAM::Policy").values()) {
            if (list(properties(policy).get("Roles")).contains(Map.of("Ref", role))) {
                text.append(properties(policy).get("PolicyDocument"));
            }
        }
        return text.toString();
    }

    @Test
    void imagesAreBuiltFromEachServicesDockerfile() throws IOException {
        // Synthesis wrote the asset manifest beside the template.
        Path manifest = Path.of("target/cdk.out/example", suite.stacks.services().getArtifactId() + ".assets.json");
        JsonNode images = new ObjectMapper().readTree(Files.readString(manifest)).path("dockerImages");
        Set<String> modules = new HashSet<>();
        images.forEach(image -> {
            assertEquals(ServicesStack.DOCKERFILE, image.path("source").path("dockerFile").asText(), image.toString());
            assertEquals("linux/amd64", image.path("source").path("platform").asText(), image.toString());
        });
        for (SuiteService service : SuiteService.values()) {
            String image = String.valueOf(container(services, service.module()).get("Image"));
            assertTrue(image.contains("container-assets"), service.module() + " image is not an asset: " + image);
            Path staged = ServicesStack.moduleDirectory(service);
            assertTrue(Files.isRegularFile(staged.resolve(ServicesStack.DOCKERFILE)), staged.toString());
            modules.add(service.module());
        }
        assertEquals(SuiteService.values().length + 1, images.size(), "one image per service and the ops console's");
        assertEquals(SuiteService.values().length, modules.size());
    }

    @Test
    void loadBalancersForwardToTheApiPortAndHealthCheckTheManagementPort() {
        List<Map<String, Object>> groups = new java.util.ArrayList<>();
        resources(suite.template(suite.stacks.terminals()), "AWS::ElasticLoadBalancingV2::TargetGroup").values()
                .forEach(groups::add);
        resources(suite.template(suite.stacks.member()), "AWS::ElasticLoadBalancingV2::TargetGroup").values()
                .forEach(groups::add);
        assertEquals(3, groups.size());
        for (Map<String, Object> group : groups) {
            Map<String, Object> p = properties(group);
            assertEquals(ServicesStack.CONTAINER_PORT, p.get("Port"), p.toString());
            assertEquals(String.valueOf(ServicesStack.MANAGEMENT_PORT), p.get("HealthCheckPort"), p.toString());
            assertTrue(String.valueOf(p.get("HealthCheckPath")).startsWith("/q/health/"), p.toString());
        }
        for (Map<String, Object> template : suite.allTemplates()) {
            for (Map<String, Object> listener : resources(template, "AWS::ElasticLoadBalancingV2::Listener").values()) {
                assertFalse(Integer.valueOf(ServicesStack.MANAGEMENT_PORT).equals(properties(listener).get("Port")));
            }
            for (Map<String, Object> service : resources(template, "AWS::ECS::Service").values()) {
                for (Object lb : list(properties(service).get("LoadBalancers"))) {
                    assertEquals(ServicesStack.CONTAINER_PORT, map(lb).get("ContainerPort"));
                }
            }
        }
        // the load balancers may reach the management port of exactly the tasks they check
        Map<String, String> checkedBy = Map.of(
                "terminal-gateway", SecurityGroupRules.logicalId(suite.stacks.terminals().loadBalancerSecurityGroup()),
                "sync-service", SecurityGroupRules.logicalId(suite.stacks.member().loadBalancerSecurityGroup()),
                "mail-service", SecurityGroupRules.logicalId(suite.stacks.member().loadBalancerSecurityGroup()));
        for (SuiteService service : SuiteService.values()) {
            String group = SecurityGroupRules.logicalId(suite.stacks.services().securityGroup(service));
            List<SecurityGroupRules.Rule> management = SecurityGroupRules.ingress(services).stream()
                    .filter(rule -> group.equals(rule.groupId()) && rule.covers(ServicesStack.MANAGEMENT_PORT))
                    .toList();
            String lb = checkedBy.get(service.module());
            if (lb == null) {
                assertTrue(management.isEmpty(), service.module() + " " + management);
            } else {
                assertEquals(1, management.size(), service.module() + " " + management);
                Map<String, Object> producer = service == SuiteService.TERMINAL_GATEWAY
                        ? suite.template(suite.stacks.terminals()) : suite.template(suite.stacks.member());
                assertEquals(lb, importedId(management.get(0).source(), producer), service.module());
            }
        }
        for (Map<String, Object> template : List.of(suite.template(suite.stacks.terminals()),
                suite.template(suite.stacks.member()))) {
            String egress = String.valueOf(resources(template, "AWS::EC2::SecurityGroup"));
            assertTrue(egress.contains("FromPort=" + ServicesStack.MANAGEMENT_PORT), egress);
        }
    }

    @Test
    void bounceServiceMayReadRemoveAndFileTheReturnedMail() {
        String policies = taskRolePolicies(services, "bounce-service");
        String bucketArn = "arn:aws:s3:::" + CONFIG.mail().bounceBucketName();
        Map<String, Set<String>> actionsByResource = new LinkedHashMap<>();
        for (Map<String, Object> policy : resources(services, "AWS::IAM::Policy").values()) {
            if (!String.valueOf(properties(policy).get("Roles")).equals(
                    String.valueOf(List.of(Map.of("Ref", taskRoleId(services, "bounce-service")))))) {
                continue;
            }
            for (Object statement : list(map(properties(policy).get("PolicyDocument")).get("Statement"))) {
                Object actions = map(statement).get("Action");
                Object resource = map(statement).get("Resource");
                List<Object> resourceList = resource instanceof List<?> l ? List.copyOf(l) : List.of(resource);
                List<Object> actionList = actions instanceof List<?> l ? List.copyOf(l) : List.of(actions);
                for (Object r : resourceList) {
                    actionsByResource.computeIfAbsent(String.valueOf(r), k -> new HashSet<>())
                            .addAll(actionList.stream().map(String::valueOf).toList());
                }
            }
        }
        String inbound = bucketArn + "/" + CONFIG.mail().bouncePrefix() + "*";
        assertTrue(actionsByResource.getOrDefault(bucketArn, Set.of()).contains("s3:ListBucket"), policies);
        assertTrue(actionsByResource.getOrDefault(inbound, Set.of()).containsAll(
                Set.of("s3:GetObject", "s3:DeleteObject")), policies);
        for (String prefix : List.of(ServicesStack.BOUNCE_PROCESSED_PREFIX, ServicesStack.BOUNCE_QUARANTINE_PREFIX)) {
            assertTrue(actionsByResource.getOrDefault(bucketArn + "/" + prefix + "*", Set.of())
                    .contains("s3:PutObject"), prefix + " " + policies);
        }
        Map<String, Object> env = environment(services, "bounce-service");
        assertEquals(ServicesStack.BOUNCE_PROCESSED_PREFIX, env.get("SUITE_BOUNCE_PROCESSED_PREFIX"));
        assertEquals(ServicesStack.BOUNCE_QUARANTINE_PREFIX, env.get("SUITE_BOUNCE_QUARANTINE_PREFIX"));
        // the topic SES publishes bounce and complaint events to
        Map<String, Object> mail = suite.template(suite.stacks.mail());
        String topic = SynthesizedSuite.onlyId(resources(mail, "AWS::SNS::Topic"));
        assertEquals(topic, importedId(env.get("SUITE_BOUNCE_SNS_TOPIC_ARN"), mail));
    }

    static String taskRoleId(Map<String, Object> template, String module) {
        for (Map<String, Object> task : resources(template, "AWS::ECS::TaskDefinition").values()) {
            if (module.equals(map(list(properties(task).get("ContainerDefinitions")).get(0)).get("Name"))) {
                return referencedId(properties(task).get("TaskRoleArn"));
            }
        }
        throw new AssertionError("no task definition for " + module);
    }

    @Test
    void credentialsComeFromSecretsManagerAndNeverFromPlainEnvironment() {
        Set<String> generated = resources(services, "AWS::SecretsManager::Secret").keySet();
        for (SuiteService service : SuiteService.values()) {
            Map<String, Object> container = container(services, service.module());
            Set<String> secretNames = new HashSet<>();
            for (Object secret : list(container.get("Secrets"))) {
                secretNames.add((String) map(secret).get("Name"));
                Object valueFrom = map(secret).get("ValueFrom");
                assertTrue(String.valueOf(valueFrom).contains("secretsmanager")
                        || String.valueOf(valueFrom).contains("ImportValue")
                        || generated.contains(referencedId(valueFrom)),
                        String.valueOf(secret));
            }
            assertTrue(secretNames.containsAll(Set.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD",
                    "KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD")), service.module() + " " + secretNames);
            for (String name : environment(services, service.module()).keySet()) {
                assertFalse(name.contains("PASSWORD") || name.contains("SECRET"), service.module() + " " + name);
            }
            assertEquals(String.valueOf(ServicesStack.CONTAINER_PORT),
                    environment(services, service.module()).get("QUARKUS_HTTP_PORT"));
            assertTrue(String.valueOf(environment(services, service.module()).get("QUARKUS_DATASOURCE_JDBC_URL"))
                    .contains("currentSchema=" + service.schema()));
        }
        // one generated secret per service login, the admin login, and the Kafka SCRAM user
        assertEquals(SuiteService.values().length + 2,
                resources(suite.template(suite.stacks.data()), "AWS::SecretsManager::Secret").size());
    }

    @Test
    void terminalGatewayIsTheNlbTargetAndMemberPathsReachTheirServices() {
        Map<String, Object> terminals = suite.template(suite.stacks.terminals());
        Map<String, Object> gatewayTarget = map(list(ecsService("terminal-gateway").get("LoadBalancers")).get(0));
        assertEquals(resources(terminals, "AWS::ElasticLoadBalancingV2::TargetGroup").keySet().iterator().next(),
                importedId(gatewayTarget.get("TargetGroupArn"), terminals));
        assertEquals(ServicesStack.CONTAINER_PORT, gatewayTarget.get("ContainerPort"));

        Map<String, Object> member = suite.template(suite.stacks.member());
        Map<String, String> pathToTargetGroup = new LinkedHashMap<>();
        for (Map<String, Object> rule : resources(member, "AWS::ElasticLoadBalancingV2::ListenerRule").values()) {
            Map<String, Object> p = properties(rule);
            String path = String.valueOf(list(map(map(list(p.get("Conditions")).get(0)).get("PathPatternConfig"))
                    .get("Values")).get(0));
            pathToTargetGroup.put(path, referencedId(map(list(p.get("Actions")).get(0)).get("TargetGroupArn")));
        }
        assertEquals(pathToTargetGroup.get(MemberEdgeStack.TRACE_PATH), importedId(
                map(list(ecsService("sync-service").get("LoadBalancers")).get(0)).get("TargetGroupArn"), member));
        assertEquals(pathToTargetGroup.get(MemberEdgeStack.UNSUBSCRIBE_PATH), importedId(
                map(list(ecsService("mail-service").get("LoadBalancers")).get(0)).get("TargetGroupArn"), member));
        for (String module : List.of("order-service", "bounce-service")) {
            assertTrue(list(ecsService(module).get("LoadBalancers")).isEmpty(), module + " is internal only");
        }
    }

    @Test
    void gatewayTasksAdmitOnlyTheTerminalNlbAndTheOpsConsole() {
        String gatewayGroup = SecurityGroupRules.logicalId(suite.stacks.services().securityGroup(SuiteService.TERMINAL_GATEWAY));
        String consoleGroup = SecurityGroupRules.logicalId(suite.stacks.services().opsConsole().taskGroup());
        List<SecurityGroupRules.Rule> fromConsole = SecurityGroupRules.ingress(services).stream()
                .filter(rule -> gatewayGroup.equals(rule.groupId()) && consoleGroup.equals(rule.source())).toList();
        // The console reads the silent terminals and the parked outbox on the API port (admin token).
        assertEquals(List.of(new SecurityGroupRules.Rule(gatewayGroup, consoleGroup, ServicesStack.CONTAINER_PORT,
                ServicesStack.CONTAINER_PORT)), fromConsole);
        List<SecurityGroupRules.Rule> rules = SecurityGroupRules.ingress(services).stream()
                .filter(rule -> gatewayGroup.equals(rule.groupId()) && !consoleGroup.equals(rule.source())).toList();
        assertEquals(2, rules.size(), rules.toString());
        Set<Integer> ports = new HashSet<>();
        for (SecurityGroupRules.Rule rule : rules) {
            assertEquals(SecurityGroupRules.logicalId(suite.stacks.terminals().loadBalancerSecurityGroup()),
                    importedId(rule.source(), suite.template(suite.stacks.terminals())));
            assertEquals(rule.fromPort(), rule.toPort());
            ports.add(rule.fromPort());
        }
        assertEquals(Set.of(ServicesStack.CONTAINER_PORT, ServicesStack.MANAGEMENT_PORT), ports,
                "traffic on the API port, health checks on the management port");
    }

    @Test
    void noIngressRuleIsDeclaredTwice() {
        // EC2 refuses a duplicate permission, so a twice-declared rule fails the deployment.
        for (Map<String, Object> template : suite.allTemplates()) {
            List<SecurityGroupRules.Rule> rules = SecurityGroupRules.ingress(template);
            assertEquals(rules.size(), new HashSet<>(rules).size(), rules.toString());
        }
    }

    @Test
    void mailServiceSendsWithTheConfigurationSet() {
        Map<String, Object> env = environment(services, "mail-service");
        assertEquals(CONFIG.prefix() + "-member-mail", env.get("SUITE_MAIL_SES_CONFIGURATION_SET"));
        String policies = taskRolePolicies(services, "mail-service");
        assertTrue(policies.contains("ses:SendRawEmail"), policies);
        assertEquals(CONFIG.region(), env.get("QUARKUS_SES_AWS_REGION"));
        assertEquals("default", env.get("QUARKUS_SES_AWS_CREDENTIALS_TYPE"), "task role, not the local static keys");
        assertEquals("default", environment(services, "bounce-service").get("QUARKUS_S3_AWS_CREDENTIALS_TYPE"));
    }
}
