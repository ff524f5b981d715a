package jp.foodtrace.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.assertions.Template;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static jp.foodtrace.aws.SynthesizedSuite.CONFIG;
import static jp.foodtrace.aws.SynthesizedSuite.properties;
import static jp.foodtrace.aws.SynthesizedSuite.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NetworkStackTest {

    /** Terminal and app subnets, one per zone each, reach the closed network. */
    private static final int ROUTED_SUBNETS = 2 * CONFIG.vpc().availabilityZones().size();

    private static long routes(Map<String, Object> template, String targetProperty) {
        return resources(template, "AWS::EC2::Route").values().stream()
                .filter(r -> properties(r).containsKey(targetProperty)).count();
    }

    @Test
    void closedNetworkThroughAVirtualPrivateGatewayRoutesTerminalHqAndOperatorsRanges() {
        SynthesizedSuite suite = SynthesizedSuite.example();
        Map<String, Object> network = suite.template(suite.stacks.network());
        assertEquals(CONFIG.closedNetwork().amazonSideAsn().intValue(),
                ((Number) properties(resources(network, "AWS::EC2::VPNGateway").values().iterator().next())
                        .get("AmazonSideAsn")).intValue());
        Set<String> expected = new java.util.HashSet<>(CONFIG.terminal().terminalCidrs());
        expected.addAll(CONFIG.closedNetwork().hqCidrs());
        expected.addAll(CONFIG.operations().cidrs());
        // VPN gateway routes are the only ones with a GatewayId that is not the internet gateway.
        Set<String> viaVgw = resources(network, "AWS::EC2::Route").values().stream()
                .map(SynthesizedSuite::properties)
                .filter(p -> String.valueOf(p.get("GatewayId")).contains("ClosedNetworkGateway"))
                .map(p -> (String) p.get("DestinationCidrBlock"))
                .collect(Collectors.toSet());
        assertEquals(expected, viaVgw);
        long count = resources(network, "AWS::EC2::Route").values().stream()
                .filter(r -> String.valueOf(properties(r).get("GatewayId")).contains("ClosedNetworkGateway")).count();
        assertEquals((long) ROUTED_SUBNETS * expected.size(), count);
    }

    @Test
    void closedNetworkThroughATransitGatewayAttachesTheTerminalSubnets() {
        SuiteConfig tgw = CONFIG.withClosedNetwork(new SuiteConfig.ClosedNetwork(SuiteConfig.Attachment.TGW, null,
                "tgw-0123456789abcdef0", CONFIG.closedNetwork().hqCidrs()));
        tgw.validate();
        App app = new App();
        NetworkStack stack = new NetworkStack(app, "Tgw", StackProps.builder().env(Environment.builder()
                .account(tgw.account()).region(tgw.region()).build()).build(), tgw);
        @SuppressWarnings("unchecked")
        Map<String, Object> network = (Map<String, Object>) Template.fromStack(stack).toJSON();
        Map<String, Object> attachment = properties(resources(network, "AWS::EC2::TransitGatewayAttachment")
                .values().iterator().next());
        assertEquals("tgw-0123456789abcdef0", attachment.get("TransitGatewayId"));
        assertEquals(CONFIG.vpc().availabilityZones().size(), ((List<?>) attachment.get("SubnetIds")).size());
        assertTrue(resources(network, "AWS::EC2::VPNGateway").isEmpty());
        int ranges = CONFIG.terminal().terminalCidrs().size() + CONFIG.closedNetwork().hqCidrs().size()
                + CONFIG.operations().cidrs().size();
        assertEquals((long) ROUTED_SUBNETS * ranges, routes(network, "TransitGatewayId"));
    }

    @Test
    void anNlbAddressOutsideItsTerminalSubnetFailsSynthesis() {
        SuiteConfig.Terminal wrong = new SuiteConfig.Terminal(CONFIG.terminal().terminalCidrs(),
                List.of("10.20.0.10", "10.20.9.10"), 443, CONFIG.terminal().certificateArn(),
                SuiteConfig.ClientAddress.PRESERVE_CLIENT_IP);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new NetworkStack(new App(),
                "Wrong", StackProps.builder().env(Environment.builder().account(CONFIG.account())
                        .region(CONFIG.region()).build()).build(), CONFIG.withTerminal(wrong)));
        assertTrue(e.getMessage().contains("10.20.9.10"), e.getMessage());
    }
}
