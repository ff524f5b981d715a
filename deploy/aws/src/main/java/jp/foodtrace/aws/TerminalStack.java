package jp.foodtrace.aws;

import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseNetworkListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.NetworkTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.Protocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.elasticloadbalancingv2.SubnetMapping;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;

/**
 * The terminals' entry: an internal NLB whose private addresses are the addresses the store
 * terminals have registered (one per zone, from configuration), TLS terminated at the NLB, and a
 * target group for terminal-gateway's tasks. terminal-gateway identifies a terminal by its source
 * address too, so the target group either preserves the client address or sends a PROXY protocol
 * v2 header, as configured. The NLB's security group admits only the terminal ranges on the
 * listener port; the tasks admit only the NLB's security group (see {@link ServicesStack}).
 */
public final class TerminalStack extends Stack {

    private final SecurityGroup loadBalancerSecurityGroup;
    private final NetworkTargetGroup gatewayTargets;
    private final NetworkLoadBalancer loadBalancer;

    public TerminalStack(Construct scope, String id, StackProps props, SuiteConfig config, NetworkStack network) {
        super(scope, id, props);
        SuiteConfig.Terminal terminal = config.terminal();

        loadBalancerSecurityGroup = SecurityGroup.Builder.create(this, "TerminalNlbSecurityGroup")
                .vpc(network.vpc())
                .description("Terminal NLB: the registered terminal ranges only")
                .allowAllOutbound(false)
                .build();
        for (String cidr : terminal.terminalCidrs()) {
            loadBalancerSecurityGroup.addIngressRule(Peer.ipv4(cidr), Port.tcp(terminal.listenerPort()),
                    "store terminals " + cidr);
        }
        loadBalancerSecurityGroup.addEgressRule(Peer.ipv4(config.vpc().cidr()), Port.tcp(ServicesStack.CONTAINER_PORT),
                "to terminal-gateway tasks");
        loadBalancerSecurityGroup.addEgressRule(Peer.ipv4(config.vpc().cidr()), Port.tcp(ServicesStack.MANAGEMENT_PORT),
                "health checks of terminal-gateway tasks");

        List<ISubnet> subnets = network.subnetsOf(NetworkStack.TERMINAL_SUBNETS);
        List<SubnetMapping> mappings = new ArrayList<>();
        for (int i = 0; i < subnets.size(); i++) {
            mappings.add(SubnetMapping.builder()
                    .subnet(subnets.get(i))
                    .privateIpv4Address(terminal.nlbAddresses().get(i))
                    .build());
        }
        loadBalancer = NetworkLoadBalancer.Builder.create(this, "TerminalNlb")
                .vpc(network.vpc())
                .internetFacing(false)
                .subnetMappings(mappings)
                .securityGroups(List.of(loadBalancerSecurityGroup))
                .crossZoneEnabled(true)
                .deletionProtection(true)
                .build();

        boolean proxyProtocol = terminal.clientAddress() == SuiteConfig.ClientAddress.PROXY_PROTOCOL_V2;
        gatewayTargets = NetworkTargetGroup.Builder.create(this, "TerminalGatewayTargets")
                .vpc(network.vpc())
                .targetType(TargetType.IP)
                .protocol(Protocol.TCP)
                .port(ServicesStack.CONTAINER_PORT)
                .preserveClientIp(!proxyProtocol)
                .proxyProtocolV2(proxyProtocol)
                .deregistrationDelay(Duration.seconds(30))
                .healthCheck(HealthCheck.builder()
                        .protocol(Protocol.HTTP)
                        .path(ServicesStack.READINESS_PATH)
                        .port(String.valueOf(ServicesStack.MANAGEMENT_PORT))
                        .build())
                .build();
        loadBalancer.addListener("Terminals", BaseNetworkListenerProps.builder()
                .port(terminal.listenerPort())
                .protocol(Protocol.TLS)
                .certificates(List.of(ListenerCertificate.fromArn(terminal.certificateArn())))
                .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                .defaultTargetGroups(List.of(gatewayTargets))
                .build());
    }

    public SecurityGroup loadBalancerSecurityGroup() {
        return loadBalancerSecurityGroup;
    }

    public NetworkTargetGroup gatewayTargets() {
        return gatewayTargets;
    }

    public NetworkLoadBalancer loadBalancer() {
        return loadBalancer;
    }
}
