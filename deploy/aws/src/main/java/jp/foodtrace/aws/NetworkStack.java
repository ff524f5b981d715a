package jp.foodtrace.aws;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.CfnRoute;
import software.amazon.awscdk.services.ec2.CfnTransitGatewayAttachment;
import software.amazon.awscdk.services.ec2.CfnVPCGatewayAttachment;
import software.amazon.awscdk.services.ec2.CfnVPNGateway;
import software.amazon.awscdk.services.ec2.FlowLogDestination;
import software.amazon.awscdk.services.ec2.FlowLogOptions;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.IpAddresses;
import software.amazon.awscdk.services.ec2.SubnetConfiguration;
import software.amazon.awscdk.services.ec2.SubnetSelection;
import software.amazon.awscdk.services.ec2.SubnetType;
import software.amazon.awscdk.services.ec2.Vpc;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The VPC and the carrier's closed network. Subnet groups, in allocation order: {@code terminal}
 * (the internal NLB with the terminals' registered addresses), {@code public} (member ALB, NAT),
 * {@code app} (Fargate tasks), {@code data} (MSK, RDS). The terminal and app route tables get a
 * static route per terminal, HQ and operators' range through the closed-network attachment, so that replies
 * to the stores, calls to HQ and the ops console's answers leave over the carrier network and never over the internet.
 */
public final class NetworkStack extends Stack {

    public static final String TERMINAL_SUBNETS = "terminal";
    public static final String PUBLIC_SUBNETS = "public";
    public static final String APP_SUBNETS = "app";
    public static final String DATA_SUBNETS = "data";

    private final Vpc vpc;

    public NetworkStack(Construct scope, String id, StackProps props, SuiteConfig config) {
        super(scope, id, props);
        vpc = Vpc.Builder.create(this, "Vpc")
                .ipAddresses(IpAddresses.cidr(config.vpc().cidr()))
                .availabilityZones(config.vpc().availabilityZones())
                .natGateways(config.vpc().availabilityZones().size())
                .subnetConfiguration(List.of(
                        subnets(TERMINAL_SUBNETS, SubnetType.PRIVATE_ISOLATED, 24),
                        subnets(PUBLIC_SUBNETS, SubnetType.PUBLIC, 24),
                        subnets(APP_SUBNETS, SubnetType.PRIVATE_WITH_EGRESS, 22),
                        subnets(DATA_SUBNETS, SubnetType.PRIVATE_ISOLATED, 24)))
                .flowLogs(Map.of("all", FlowLogOptions.builder()
                        .destination(FlowLogDestination.toCloudWatchLogs())
                        .build()))
                .build();
        checkNlbAddresses(config);
        attachClosedNetwork(config.closedNetwork(), config.terminal().terminalCidrs(), config.operations().cidrs());
    }

    private static SubnetConfiguration subnets(String name, SubnetType type, int mask) {
        return SubnetConfiguration.builder().name(name).subnetType(type).cidrMask(mask).build();
    }

    public Vpc vpc() {
        return vpc;
    }

    public static SubnetSelection group(String name) {
        return SubnetSelection.builder().subnetGroupName(name).build();
    }

    public List<ISubnet> subnetsOf(String group) {
        return vpc.selectSubnets(group(group)).getSubnets();
    }

    /** The registered addresses must lie in the terminal subnet of their zone, or the NLB cannot take them. */
    private void checkNlbAddresses(SuiteConfig config) {
        List<ISubnet> terminalSubnets = subnetsOf(TERMINAL_SUBNETS);
        List<String> addresses = config.terminal().nlbAddresses();
        for (int i = 0; i < addresses.size(); i++) {
            String cidr = terminalSubnets.get(i).getIpv4CidrBlock();
            if (!Cidr.parse(cidr).contains(addresses.get(i))) {
                throw new IllegalArgumentException("NLB address " + addresses.get(i) + " is not in the terminal subnet "
                        + cidr + " of " + terminalSubnets.get(i).getAvailabilityZone()
                        + " (terminal subnets are the first /24 of the VPC per zone, in zone order)");
            }
        }
    }

    private void attachClosedNetwork(SuiteConfig.ClosedNetwork closedNetwork, List<String> terminalCidrs,
            List<String> operationsCidrs) {
        List<String> destinations = Stream.of(terminalCidrs, closedNetwork.hqCidrs(), operationsCidrs)
                .flatMap(List::stream).distinct().toList();
        List<ISubnet> routed = new ArrayList<>(subnetsOf(TERMINAL_SUBNETS));
        routed.addAll(subnetsOf(APP_SUBNETS));
        switch (closedNetwork.attachment()) {
            case VGW -> {
                CfnVPNGateway gateway = CfnVPNGateway.Builder.create(this, "ClosedNetworkGateway")
                        .type("ipsec.1")
                        .amazonSideAsn(closedNetwork.amazonSideAsn())
                        .build();
                CfnVPCGatewayAttachment attachment = CfnVPCGatewayAttachment.Builder.create(this, "ClosedNetworkAttachment")
                        .vpcId(vpc.getVpcId())
                        .vpnGatewayId(gateway.getAttrVpnGatewayId())
                        .build();
                addRoutes(routed, destinations, route -> {
                    route.setGatewayId(gateway.getAttrVpnGatewayId());
                    route.getNode().addDependency(attachment);
                });
            }
            case TGW -> {
                CfnTransitGatewayAttachment attachment = CfnTransitGatewayAttachment.Builder.create(this, "ClosedNetworkAttachment")
                        .vpcId(vpc.getVpcId())
                        .transitGatewayId(closedNetwork.transitGatewayId())
                        .subnetIds(subnetsOf(TERMINAL_SUBNETS).stream().map(ISubnet::getSubnetId).toList())
                        .build();
                addRoutes(routed, destinations, route -> {
                    route.setTransitGatewayId(closedNetwork.transitGatewayId());
                    route.getNode().addDependency(attachment);
                });
            }
        }
    }

    private void addRoutes(List<ISubnet> subnets, List<String> destinations, Consumer<CfnRoute> target) {
        for (int s = 0; s < subnets.size(); s++) {
            for (int i = 0; i < destinations.size(); i++) {
                CfnRoute route = CfnRoute.Builder.create(this, "ClosedNetworkRoute" + s + "x" + i)
                        .routeTableId(subnets.get(s).getRouteTable().getRouteTableId())
                        .destinationCidrBlock(destinations.get(i))
                        .build();
                target.accept(route);
            }
        }
    }
}
