package jp.foodtrace.aws;

import static jp.foodtrace.aws.SynthesizedSuite.CONFIG;
import static jp.foodtrace.aws.SynthesizedSuite.importedId;
import static jp.foodtrace.aws.SynthesizedSuite.list;
import static jp.foodtrace.aws.SynthesizedSuite.map;
import static jp.foodtrace.aws.SynthesizedSuite.properties;
import static jp.foodtrace.aws.SynthesizedSuite.referencedId;
import static jp.foodtrace.aws.SynthesizedSuite.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import jp.foodtrace.platform.PlatformConfig;
import jp.foodtrace.platform.ProductionContract;
import jp.foodtrace.platform.SuiteService;

/**
 * The ops console in the services stack: one task with its production contract, reached by the
 * operators' network through an internal load balancer only, and able to read what its panels
 * show (the four services' APIs by name, Kafka) and nothing it does not need.
 */
class OpsConsoleStackTest {

    static SynthesizedSuite suite;
    static Map<String, Object> services;
    static OpsConsole console;

    @BeforeAll
    static void synthesize() {
        suite = SynthesizedSuite.example();
        services = suite.template(suite.stacks.services());
        console = suite.stacks.services().opsConsole();
    }

    private static Map<String, Object> ecsService() {
        return resources(services, "AWS::ECS::Service").values().stream().map(SynthesizedSuite::properties)
                .filter(p -> OpsConsole.MODULE.equals(p.get("ServiceName")))
                .findFirst().orElseThrow(() -> new AssertionError("no ECS service " + OpsConsole.MODULE));
    }

    @Test
    void consoleRunsOneFargateTaskWithEveryVariableOfItsContract() {
        Map<String, Object> ecs = ecsService();
        assertEquals("FARGATE", ecs.get("LaunchType"));
        assertEquals(1, ecs.get("DesiredCount"));
        assertEquals("DISABLED", map(map(ecs.get("NetworkConfiguration")).get("AwsvpcConfiguration"))
                .get("AssignPublicIp"));

        Set<String> required = new HashSet<>(ServicesStackTest.REQUIRED_OF_EVERY_SERVICE);
        required.addAll(ProductionContract.required(PlatformConfig.findRoot(), OpsConsole.MODULE));
        assertTrue(required.containsAll(OpsConsole.SERVICE_URLS.keySet()), required.toString());
        Map<String, Object> env = ServicesStackTest.environment(services, OpsConsole.MODULE);
        Set<String> secrets = ServicesStackTest.secretNames(services, OpsConsole.MODULE);
        for (String name : required) {
            assertTrue(env.containsKey(name) || secrets.contains(name), "ops-console lacks " + name);
        }
        assertEquals("prod", env.get("QUARKUS_PROFILE"));
        assertEquals(String.valueOf(ServicesStack.CONTAINER_PORT), env.get("QUARKUS_HTTP_PORT"));
        assertEquals(String.valueOf(ServicesStack.MANAGEMENT_PORT), env.get("QUARKUS_MANAGEMENT_PORT"));
        // No database: the console owns no data.
        assertTrue(env.keySet().stream().noneMatch(n -> n.startsWith("QUARKUS_DATASOURCE")), env.keySet().toString());
        assertTrue(secrets.stream().noneMatch(n -> n.startsWith("QUARKUS_DATASOURCE")), secrets.toString());
        for (String name : env.keySet()) {
            assertFalse(name.contains("TOKEN") || name.contains("PASSWORD") || name.contains("SECRET"),
                    "ops-console: " + name + " in plain environment");
        }
        assertEquals(Set.of("SUITE_OPS_TOKEN", "SUITE_GATEWAY_ADMIN_TOKEN", "SUITE_SYNC_ADMIN_TOKEN",
                "KAFKA_SASL_USERNAME", "KAFKA_SASL_PASSWORD"), secrets);
    }

    @Test
    void consoleTokensAreTheSameGeneratedSecretsTheServicesCheck() {
        Map<String, Map<String, Object>> generated = resources(services, "AWS::SecretsManager::Secret");
        Map<String, String> expected = Map.of(
                "SUITE_OPS_TOKEN", "ops-token",
                "SUITE_GATEWAY_ADMIN_TOKEN", "gateway-admin-token",
                "SUITE_SYNC_ADMIN_TOKEN", "sync-admin-token");
        String policies = ServicesStackTest.executionRolePolicies(services, OpsConsole.MODULE);
        expected.forEach((variable, name) -> {
            Object valueFrom = list(ServicesStackTest.container(services, OpsConsole.MODULE).get("Secrets")).stream()
                    .map(SynthesizedSuite::map).filter(s -> variable.equals(s.get("Name"))).findFirst().orElseThrow()
                    .get("ValueFrom");
            String id = referencedId(valueFrom);
            assertEquals(CONFIG.prefix() + "/app/" + name, properties(generated.get(id)).get("Name"), variable);
            assertTrue(policies.contains(id), "the console's execution role cannot read " + id);
        });
    }

    @Test
    void consoleCallsTheServicesByTheirPrivateDnsNames() {
        Map<String, Object> env = ServicesStackTest.environment(services, OpsConsole.MODULE);
        String namespace = suite.stacks.services().namespace();
        assertEquals(namespace, properties(SynthesizedSuite.only(resources(services,
                "AWS::ServiceDiscovery::PrivateDnsNamespace"))).get("Name"));
        Set<String> registered = resources(services, "AWS::ServiceDiscovery::Service").values().stream()
                .map(s -> String.valueOf(properties(s).get("Name"))).collect(Collectors.toSet());
        OpsConsole.SERVICE_URLS.forEach((variable, service) -> {
            assertEquals("http://" + service.module() + "." + namespace + ":" + ServicesStack.CONTAINER_PORT,
                    env.get(variable), variable);
            assertTrue(registered.contains(service.module()), service.module() + " not registered: " + registered);
        });
    }

    @Test
    void consoleIsReachedOnlyThroughAnInternalLoadBalancerFromTheOperatorsNetwork() {
        // The ECS service's only load balancer is the internal one, through an HTTPS listener.
        List<Object> balancers = list(ecsService().get("LoadBalancers"));
        assertEquals(1, balancers.size(), balancers.toString());
        assertEquals(ServicesStack.CONTAINER_PORT, map(balancers.get(0)).get("ContainerPort"));
        String targetGroup = referencedId(map(balancers.get(0)).get("TargetGroupArn"));
        assertNotNull(targetGroup, "the console's target group is in the services stack: " + balancers);
        Map<String, Object> group = properties(resources(services, "AWS::ElasticLoadBalancingV2::TargetGroup")
                .get(targetGroup));
        assertEquals(String.valueOf(ServicesStack.MANAGEMENT_PORT), group.get("HealthCheckPort"));
        assertEquals(ServicesStack.READINESS_PATH, group.get("HealthCheckPath"));

        Map<String, Object> listener = properties(SynthesizedSuite.only(
                resources(services, "AWS::ElasticLoadBalancingV2::Listener")));
        assertEquals(OpsConsole.LISTENER_PORT, listener.get("Port"));
        assertEquals("HTTPS", listener.get("Protocol"));
        assertEquals(CONFIG.operations().certificateArn(),
                map(list(listener.get("Certificates")).get(0)).get("CertificateArn"));
        assertEquals(targetGroup, referencedId(map(list(listener.get("DefaultActions")).get(0)).get("TargetGroupArn")));
        String balancer = referencedId(listener.get("LoadBalancerArn"));
        Map<String, Object> alb = properties(resources(services, "AWS::ElasticLoadBalancingV2::LoadBalancer")
                .get(balancer));
        assertEquals("internal", alb.get("Scheme"), "the console's load balancer is not internet-facing");
        assertEquals(CONFIG.vpc().availabilityZones().size(), list(alb.get("Subnets")).size());

        // Its group admits the operators' ranges on the listener port and nothing else.
        String albGroup = SecurityGroupRules.logicalId(console.loadBalancerGroup());
        assertEquals(List.of(albGroup), list(alb.get("SecurityGroups")).stream().map(SynthesizedSuite::referencedId)
                .toList());
        List<SecurityGroupRules.Rule> intoAlb = SecurityGroupRules.ingress(services).stream()
                .filter(rule -> albGroup.equals(rule.groupId())).toList();
        assertEquals(Set.copyOf(CONFIG.operations().cidrs()),
                intoAlb.stream().map(SecurityGroupRules.Rule::source).collect(Collectors.toSet()));
        for (SecurityGroupRules.Rule rule : intoAlb) {
            assertFalse(rule.openToWorld(), rule.toString());
            assertEquals(OpsConsole.LISTENER_PORT, rule.fromPort(), rule.toString());
            assertEquals(OpsConsole.LISTENER_PORT, rule.toPort(), rule.toString());
        }

        // The tasks admit only that load balancer: the API port and the health-check port.
        String taskGroup = SecurityGroupRules.logicalId(console.taskGroup());
        List<SecurityGroupRules.Rule> intoTasks = SecurityGroupRules.ingress(services).stream()
                .filter(rule -> taskGroup.equals(rule.groupId())).toList();
        assertEquals(Set.of(ServicesStack.CONTAINER_PORT, ServicesStack.MANAGEMENT_PORT),
                intoTasks.stream().map(SecurityGroupRules.Rule::fromPort).collect(Collectors.toSet()), intoTasks.toString());
        for (SecurityGroupRules.Rule rule : intoTasks) {
            assertEquals(albGroup, rule.source(), rule.toString());
            assertEquals(rule.fromPort(), rule.toPort(), rule.toString());
        }
    }

    @Test
    void consoleIsNotBehindTheMemberAlbOrItsWaf() {
        // The member edge is deployed before the services and routes only the member paths.
        Map<String, Object> member = suite.template(suite.stacks.member());
        String memberText = member.toString();
        assertFalse(memberText.contains(OpsConsole.MODULE) || memberText.contains("OpsConsole"), "member edge names the console");
        for (Map<String, Object> rule : resources(member, "AWS::ElasticLoadBalancingV2::ListenerRule").values()) {
            String path = String.valueOf(map(map(list(properties(rule).get("Conditions")).get(0))
                    .get("PathPatternConfig")).get("Values"));
            assertTrue(path.contains(MemberEdgeStack.TRACE_PATH) || path.contains(MemberEdgeStack.UNSUBSCRIBE_PATH), path);
        }
        // The console's balancer is neither the member ALB nor covered by the member web ACL.
        assertTrue(resources(services, "AWS::WAFv2::WebACLAssociation").isEmpty());
        Map<String, Object> association = properties(SynthesizedSuite.only(
                resources(member, "AWS::WAFv2::WebACLAssociation")));
        String associated = referencedId(association.get("ResourceArn"));
        assertEquals("internet-facing", properties(resources(member, "AWS::ElasticLoadBalancingV2::LoadBalancer")
                .get(associated)).get("Scheme"));
        // No task or balancer of the console has a public address or an internet-facing scheme.
        for (Map<String, Object> lb : resources(services, "AWS::ElasticLoadBalancingV2::LoadBalancer").values()) {
            assertEquals("internal", properties(lb).get("Scheme"));
        }
    }

    @Test
    void consoleReachesTheApisItReadsAndKafkaAndNothingElse() {
        String consoleGroup = SecurityGroupRules.logicalId(console.taskGroup());
        for (SuiteService service : SuiteService.values()) {
            String group = SecurityGroupRules.logicalId(suite.stacks.services().securityGroup(service));
            List<SecurityGroupRules.Rule> fromConsole = SecurityGroupRules.ingress(services).stream()
                    .filter(rule -> group.equals(rule.groupId()) && consoleGroup.equals(rule.source())).toList();
            if (OpsConsole.SERVICE_URLS.containsValue(service)) {
                assertEquals(1, fromConsole.size(), service.module() + " " + fromConsole);
                assertEquals(ServicesStack.CONTAINER_PORT, fromConsole.get(0).fromPort());
                assertEquals(ServicesStack.CONTAINER_PORT, fromConsole.get(0).toPort());
            } else {
                assertTrue(fromConsole.isEmpty(), service.module() + " " + fromConsole);
            }
        }
        Map<String, Object> data = suite.template(suite.stacks.data());
        String kafkaGroup = SecurityGroupRules.logicalId(suite.stacks.data().kafkaSecurityGroup());
        List<SecurityGroupRules.Rule> kafka = SecurityGroupRules.ingress(services).stream()
                .filter(rule -> consoleGroup.equals(rule.source())
                        && kafkaGroup.equals(importedId(rule.groupId(), data))).toList();
        assertEquals(1, kafka.size(), kafka.toString());
        assertEquals(DataStack.KAFKA_SCRAM_PORT, kafka.get(0).fromPort());
        String databaseGroup = SecurityGroupRules.logicalId(suite.stacks.data().databaseSecurityGroup());
        assertTrue(SecurityGroupRules.ingress(services).stream().noneMatch(rule -> consoleGroup.equals(rule.source())
                && databaseGroup.equals(importedId(rule.groupId(), data))), "the console has no database");
    }

    @Test
    void consoleImageIsBuiltFromItsDockerfile() {
        // ServicesStackTest counts the images: one per service and the console's.
        Path module = ServicesStack.moduleDirectory(OpsConsole.MODULE);
        assertEquals(OpsConsole.MODULE, module.getFileName().toString());
        assertTrue(Files.isRegularFile(module.resolve(ServicesStack.DOCKERFILE)), module.toString());
        String image = String.valueOf(ServicesStackTest.container(services, OpsConsole.MODULE).get("Image"));
        assertTrue(image.contains("container-assets"), "the console's image is not an asset: " + image);
    }
}
