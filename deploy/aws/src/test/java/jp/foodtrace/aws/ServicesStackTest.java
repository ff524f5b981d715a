package jp.foodtrace.aws;

import jp.foodtrace.messaging.Topics;
import jp.foodtrace.platform.SuiteService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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

    @Test
    void credentialsComeFromSecretsManagerAndNeverFromPlainEnvironment() {
        for (SuiteService service : SuiteService.values()) {
            Map<String, Object> container = container(services, service.module());
            Set<String> secretNames = new HashSet<>();
            for (Object secret : list(container.get("Secrets"))) {
                secretNames.add((String) map(secret).get("Name"));
                assertTrue(String.valueOf(map(secret).get("ValueFrom")).contains("secretsmanager")
                        || String.valueOf(map(secret).get("ValueFrom")).contains("ImportValue"),
                        String.valueOf(secret));
            }
            assertEquals(Set.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD", "KAFKA_SASL_USERNAME",
                    "KAFKA_SASL_PASSWORD"), secretNames, service.module());
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
    void gatewayTasksAdmitOnlyTheTerminalNlb() {
        String gatewayGroup = SecurityGroupRules.logicalId(suite.stacks.services().securityGroup(SuiteService.TERMINAL_GATEWAY));
        List<SecurityGroupRules.Rule> rules = SecurityGroupRules.ingress(services).stream()
                .filter(rule -> gatewayGroup.equals(rule.groupId())).toList();
        assertEquals(1, rules.size(), rules.toString());
        assertEquals(SecurityGroupRules.logicalId(suite.stacks.terminals().loadBalancerSecurityGroup()),
                importedId(rules.get(0).source(), suite.template(suite.stacks.terminals())));
        assertEquals(ServicesStack.CONTAINER_PORT, rules.get(0).fromPort());
        assertEquals(ServicesStack.CONTAINER_PORT, rules.get(0).toPort());
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
