package jp.foodtrace.aws;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static jp.foodtrace.aws.SynthesizedSuite.CONFIG;
import static jp.foodtrace.aws.SynthesizedSuite.list;
import static jp.foodtrace.aws.SynthesizedSuite.map;
import static jp.foodtrace.aws.SynthesizedSuite.only;
import static jp.foodtrace.aws.SynthesizedSuite.onlyId;
import static jp.foodtrace.aws.SynthesizedSuite.properties;
import static jp.foodtrace.aws.SynthesizedSuite.referencedId;
import static jp.foodtrace.aws.SynthesizedSuite.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

class TerminalStackTest {

    static SynthesizedSuite suite;
    static Map<String, Object> terminals;

    @BeforeAll
    static void synthesize() {
        suite = SynthesizedSuite.example();
        terminals = suite.template(suite.stacks.terminals());
    }

    @Test
    void internalNlbHasExactlyTheConfiguredAddressesOnePerTerminalSubnet() {
        Map<String, Object> nlb = properties(only(resources(terminals, "AWS::ElasticLoadBalancingV2::LoadBalancer")));
        assertEquals("network", nlb.get("Type"));
        assertEquals("internal", nlb.get("Scheme"));
        List<Object> mappings = list(nlb.get("SubnetMappings"));
        List<Object> addresses = mappings.stream().map(m -> map(m).get("PrivateIPv4Address")).toList();
        assertEquals(CONFIG.terminal().nlbAddresses(), addresses);
        Set<Object> subnets = mappings.stream().map(m -> map(m).get("SubnetId")).collect(Collectors.toSet());
        assertEquals(CONFIG.vpc().availabilityZones().size(), subnets.size(), "one mapping per zone: " + mappings);
    }

    @Test
    void nlbSecurityGroupAdmitsOnlyTheTerminalRangesOnTheListenerPort() {
        String nlbGroup = referencedId(list(properties(only(resources(terminals,
                "AWS::ElasticLoadBalancingV2::LoadBalancer"))).get("SecurityGroups")).get(0));
        Map<String, Object> group = properties(resources(terminals, "AWS::EC2::SecurityGroup").get(nlbGroup));
        List<Object> ingress = list(group.get("SecurityGroupIngress"));
        assertEquals(Set.copyOf(CONFIG.terminal().terminalCidrs()),
                ingress.stream().map(rule -> map(rule).get("CidrIp")).collect(Collectors.toSet()));
        for (Object rule : ingress) {
            assertEquals(CONFIG.terminal().listenerPort(), map(rule).get("FromPort"));
            assertEquals(CONFIG.terminal().listenerPort(), map(rule).get("ToPort"));
        }
    }

    @Test
    void tlsListenerForwardsToTheGatewayTargetGroupThatPreservesTheClientAddress() {
        Map<String, Object> listener = properties(only(resources(terminals, "AWS::ElasticLoadBalancingV2::Listener")));
        assertEquals("TLS", listener.get("Protocol"));
        assertEquals(CONFIG.terminal().listenerPort(), listener.get("Port"));
        assertEquals(CONFIG.terminal().certificateArn(),
                map(list(listener.get("Certificates")).get(0)).get("CertificateArn"));
        String targetGroupId = onlyId(resources(terminals, "AWS::ElasticLoadBalancingV2::TargetGroup"));
        assertEquals(targetGroupId, referencedId(map(list(listener.get("DefaultActions")).get(0)).get("TargetGroupArn")));

        Map<String, Object> targets = properties(only(resources(terminals, "AWS::ElasticLoadBalancingV2::TargetGroup")));
        assertEquals("ip", targets.get("TargetType"));
        assertEquals(ServicesStack.CONTAINER_PORT, targets.get("Port"));
        assertEquals(ServicesStack.READINESS_PATH, targets.get("HealthCheckPath"));
        assertEquals(String.valueOf(ServicesStack.MANAGEMENT_PORT), targets.get("HealthCheckPort"));
        Map<String, Object> attributes = TargetGroups.attributes(targets);
        assertEquals("true", attributes.get("preserve_client_ip.enabled"));
        assertEquals("false", attributes.getOrDefault("proxy_protocol_v2.enabled", "false"));
    }

    @Test
    void proxyProtocolV2IsTheAlternativeAndTheGatewayIsToldSo() {
        SuiteConfig.Terminal proxy = new SuiteConfig.Terminal(CONFIG.terminal().terminalCidrs(),
                CONFIG.terminal().nlbAddresses(), CONFIG.terminal().listenerPort(), CONFIG.terminal().certificateArn(),
                SuiteConfig.ClientAddress.PROXY_PROTOCOL_V2);
        SynthesizedSuite alternative = SynthesizedSuite.of(CONFIG.withTerminal(proxy), "proxy-v2");
        Map<String, Object> targets = properties(only(resources(alternative.template(alternative.stacks.terminals()),
                "AWS::ElasticLoadBalancingV2::TargetGroup")));
        Map<String, Object> attributes = TargetGroups.attributes(targets);
        assertEquals("true", attributes.get("proxy_protocol_v2.enabled"));
        assertEquals("false", attributes.get("preserve_client_ip.enabled"));

        Map<String, Object> gatewayEnv = ServicesStackTest.environment(
                alternative.template(alternative.stacks.services()), "terminal-gateway");
        assertEquals("true", gatewayEnv.get("QUARKUS_HTTP_PROXY_USE_PROXY_PROTOCOL"));
        assertEquals("10.20.0.10/32,10.20.1.10/32", gatewayEnv.get("SUITE_GATEWAY_TRUSTED_PROXIES"),
                "only the NLB's own addresses may state a client address");
        Map<String, Object> exampleEnv = ServicesStackTest.environment(
                suite.template(suite.stacks.services()), "terminal-gateway");
        assertEquals("false", exampleEnv.get("QUARKUS_HTTP_PROXY_USE_PROXY_PROTOCOL"));
        assertEquals(null, exampleEnv.get("SUITE_GATEWAY_TRUSTED_PROXIES"));
    }

    @Test
    void noSecurityGroupIsOpenToTheWorldExceptThePublicMemberSiteOnHttpAndHttps() {
        String albGroup = SecurityGroupRules.logicalId(suite.stacks.member().loadBalancerSecurityGroup());
        for (Map<String, Object> template : suite.allTemplates()) {
            for (SecurityGroupRules.Rule rule : SecurityGroupRules.ingress(template)) {
                if (rule.openToWorld()) {
                    assertEquals(albGroup, rule.groupId(), "only the member ALB may be open to the world: " + rule);
                    assertFalse(rule.covers(ServicesStack.CONTAINER_PORT), rule.toString());
                    assertFalse(Set.of(80, 443).stream().noneMatch(rule::covers), rule.toString());
                    assertEquals(rule.fromPort(), rule.toPort(), "a single port: " + rule);
                }
            }
        }
    }
}
