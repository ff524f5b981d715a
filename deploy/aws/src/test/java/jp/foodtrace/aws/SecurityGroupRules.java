package jp.foodtrace.aws;

import software.amazon.awscdk.CfnElement;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.services.ec2.SecurityGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static jp.foodtrace.aws.SynthesizedSuite.list;
import static jp.foodtrace.aws.SynthesizedSuite.properties;
import static jp.foodtrace.aws.SynthesizedSuite.resources;

/** Every ingress rule of a template, inline in a security group or standalone, in one shape. */
final class SecurityGroupRules {

    /**
     * @param groupId the group the rule admits into: its logical id, or the reference expression
     *                when the group lives in another stack
     * @param source  CIDR, or the logical id / import of the source group
     */
    record Rule(Object groupId, Object source, int fromPort, int toPort) {

        boolean openToWorld() {
            return "0.0.0.0/0".equals(source) || "::/0".equals(source);
        }

        boolean covers(int port) {
            return fromPort <= port && port <= toPort;
        }
    }

    private SecurityGroupRules() {
    }

    static List<Rule> ingress(Map<String, Object> template) {
        List<Rule> rules = new ArrayList<>();
        resources(template, "AWS::EC2::SecurityGroup").forEach((id, group) -> {
            for (Object inline : list(properties(group).get("SecurityGroupIngress"))) {
                rules.add(rule(id, SynthesizedSuite.map(inline)));
            }
        });
        resources(template, "AWS::EC2::SecurityGroupIngress").forEach((id, standalone) -> {
            Map<String, Object> p = properties(standalone);
            Object target = SynthesizedSuite.referencedId(p.get("GroupId"));
            rules.add(rule(target != null ? target : p.get("GroupId"), p));
        });
        return rules;
    }

    private static Rule rule(Object groupId, Map<String, Object> p) {
        Object source = p.get("CidrIp") != null ? p.get("CidrIp")
                : p.get("CidrIpv6") != null ? p.get("CidrIpv6")
                : SynthesizedSuite.referencedId(p.get("SourceSecurityGroupId")) != null
                        ? SynthesizedSuite.referencedId(p.get("SourceSecurityGroupId"))
                        : p.get("SourceSecurityGroupId");
        boolean allPorts = "-1".equals(String.valueOf(p.get("IpProtocol")));
        int from = allPorts ? 0 : ((Number) p.get("FromPort")).intValue();
        int to = allPorts ? 65535 : ((Number) p.get("ToPort")).intValue();
        return new Rule(groupId, source, from, to);
    }

    static String logicalId(SecurityGroup group) {
        return Stack.of(group).getLogicalId((CfnElement) group.getNode().getDefaultChild());
    }
}
