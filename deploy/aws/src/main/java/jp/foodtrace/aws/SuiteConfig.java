package jp.foodtrace.aws;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed configuration of one installation, read from a JSON file ({@code config/example.json}
 * shows every setting). Everything that differs between installations lives here; the stacks
 * hold the design. {@link #validate()} rejects an inconsistent file before anything is
 * synthesized, so that a wrong address fails at {@code cdk synth}, not at deploy time.
 *
 * @param account       AWS account of every stack
 * @param region        region of the suite (Tokyo)
 * @param inboundRegion region of SES inbound mail (Tokyo has none)
 * @param prefix        short name prefixed to physical names (WAF ACL, Glue database, ...)
 */
@JsonIgnoreProperties({"_comment"})
public record SuiteConfig(String account, String region, String inboundRegion, String prefix, Vpc vpc,
        Terminal terminal, ClosedNetwork closedNetwork, Member member, Data data, Services services, Mail mail,
        Operations operations) {

    /**
     * The VPC, created by the app. Subnets are allocated in a fixed order from {@code cidr}
     * (terminal /24 per AZ first, so the first AZ's terminal subnet is the first /24).
     */
    public record Vpc(String cidr, List<String> availabilityZones) {
    }

    /** How the NLB hands the terminal's source address to terminal-gateway. */
    public enum ClientAddress {
        /** The NLB keeps the terminal's address as the source of the TCP connection. */
        PRESERVE_CLIENT_IP,
        /** The NLB sends a PROXY protocol v2 header carrying the terminal's address. */
        PROXY_PROTOCOL_V2
    }

    /**
     * The terminal side.
     *
     * @param terminalCidrs  the address ranges of the store terminals (the only sources admitted)
     * @param nlbAddresses   the fixed addresses the terminals have registered, one per AZ, in AZ order
     * @param listenerPort   the port the terminals connect to (TLS, terminated at the NLB)
     * @param certificateArn ACM certificate of the terminal endpoint
     * @param clientAddress  client IP preservation or PROXY protocol v2
     */
    public record Terminal(List<String> terminalCidrs, List<String> nlbAddresses, int listenerPort,
            String certificateArn, ClientAddress clientAddress) {
    }

    /** Attachment of the carrier's closed network. */
    public enum Attachment {
        /** Virtual private gateway attached to the VPC (a direct connection to one VPC). */
        VGW,
        /** An existing transit gateway shared by the carrier connection ({@code transitGatewayId}). */
        TGW
    }

    /**
     * The carrier's closed network (a Flexible InterConnect style connection).
     *
     * @param attachment       VGW or TGW
     * @param amazonSideAsn    BGP ASN of the virtual private gateway (VGW only)
     * @param transitGatewayId the transit gateway to attach to (TGW only)
     * @param hqCidrs          HQ ranges reached over the closed network
     */
    public record ClosedNetwork(Attachment attachment, Long amazonSideAsn, String transitGatewayId,
            List<String> hqCidrs) {
    }

    /**
     * The member site.
     *
     * @param domainName           public name of the member site
     * @param certificateArn       ACM certificate for the ALB's HTTPS listener
     * @param hqAllowList          HQ addresses that the web ACL lets through before any other rule
     * @param rateLimitPer5Minutes requests per source address in 5 minutes before blocking
     * @param wafLogRetentionDays  days the WAF logs are kept
     */
    public record Member(String domainName, String certificateArn, List<String> hqAllowList,
            int rateLimitPer5Minutes, int wafLogRetentionDays) {
    }

    /** Amazon MSK and RDS PostgreSQL. */
    public record Data(String kafkaVersion, String kafkaBrokerInstanceType, int kafkaBrokerStorageGiB,
            String postgresVersion, String postgresInstanceType, int postgresStorageGiB) {
    }

    /**
     * The five services on ECS Fargate.
     *
     * Images are not configured: they are built from each service's Dockerfile as CDK assets.
     *
     * @param minTasks        tasks per service at rest (the maximum is the partition count of the
     *                        service's busiest consumed topic)
     * @param tracing         where sampled spans go; absent: trace ids are made and passed on and
     *                        logged, nothing is recorded (docs/operations.md, "Tracing and logs")
     */
    public record Services(int minTasks, int cpu, int memoryMiB, Tracing tracing) {
    }

    /**
     * Span export of every task.
     *
     * @param otlpEndpoint OTLP/gRPC collector the tasks send sampled spans to (e.g. an ADOT collector
     *                     service in the app subnets), {@code http://host:4317}
     * @param sampleRatio  share of new traces recorded, 0..1 (a trace a caller started as sampled is
     *                     recorded whatever the share)
     */
    public record Tracing(String otlpEndpoint, double sampleRatio) {
    }

    /**
     * Sending and returned mail.
     *
     * @param domain            the From domain (SES identity with Easy DKIM)
     * @param hostedZoneId      Route 53 public hosted zone of {@code domain}
     * @param mailFromSubdomain custom MAIL FROM is {@code <mailFromSubdomain>.<domain>}
     * @param inboundSubdomain  returned mail goes to {@code <inboundSubdomain>.<domain>} (SES inbound)
     * @param bounceBucketName  the bucket SES inbound writes to and bounce-service reads
     * @param bouncePrefix      key prefix of the raw MIME objects
     */
    public record Mail(String domain, String hostedZoneId, String mailFromSubdomain, String inboundSubdomain,
            String dmarcPolicy, String dmarcReportAddress, String bounceBucketName, String bouncePrefix) {

        public String mailFromDomain() {
            return mailFromSubdomain + "." + domain;
        }

        public String inboundDomain() {
            return inboundSubdomain + "." + domain;
        }
    }

    /**
     * The operators' side: where the ops console is opened from. The console is not on the member
     * ALB (the internet, behind WAF) but on an internal load balancer in the app subnets that only
     * these ranges may reach, over the closed network (routed like the HQ ranges).
     *
     * @param cidrs          the operators' network (the ops LAN, or the VPN client pool that ends there)
     * @param certificateArn ACM certificate of the console's internal HTTPS listener (the sign-in
     *                       form posts the ops token)
     */
    public record Operations(List<String> cidrs, String certificateArn) {
    }

    /** Reads and validates a configuration file. */
    public static SuiteConfig load(Path file) {
        try {
            SuiteConfig config = new ObjectMapper()
                    .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                    .readValue(file.toFile(), SuiteConfig.class);
            config.validate();
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration " + file, e);
        }
    }

    /** Fails with every problem found, not just the first. */
    public void validate() {
        List<String> problems = new ArrayList<>();
        if (!account.matches("\\d{12}")) {
            problems.add("account must be 12 digits: " + account);
        }
        if (vpc.availabilityZones().size() < 2) {
            problems.add("vpc.availabilityZones needs at least two zones");
        }
        if (terminal.nlbAddresses().size() != vpc.availabilityZones().size()) {
            problems.add("terminal.nlbAddresses needs one address per availability zone, in zone order");
        }
        if (terminal.terminalCidrs().isEmpty()) {
            problems.add("terminal.terminalCidrs must not be empty");
        }
        for (String cidr : terminal.terminalCidrs()) {
            if (Cidr.parse(cidr).prefixLength() == 0) {
                problems.add("terminal.terminalCidrs must not contain " + cidr + " (the whole internet)");
            }
        }
        for (String address : terminal.nlbAddresses()) {
            if (!Cidr.parse(vpc.cidr()).contains(address)) {
                problems.add("NLB address " + address + " is outside the VPC " + vpc.cidr());
            }
        }
        switch (closedNetwork.attachment()) {
            case VGW -> {
                if (closedNetwork.amazonSideAsn() == null) {
                    problems.add("closedNetwork.amazonSideAsn is required for a VGW");
                }
            }
            case TGW -> {
                if (closedNetwork.transitGatewayId() == null || !closedNetwork.transitGatewayId().startsWith("tgw-")) {
                    problems.add("closedNetwork.transitGatewayId (tgw-...) is required for a TGW");
                }
            }
        }
        Tracing tracing = services.tracing();
        if (tracing != null) {
            if (tracing.otlpEndpoint() == null || !tracing.otlpEndpoint().matches("https?://[^/\\s]+(:\\d+)?/?")) {
                problems.add("services.tracing.otlpEndpoint must be http(s)://host:port: " + tracing.otlpEndpoint());
            }
            if (!(tracing.sampleRatio() >= 0 && tracing.sampleRatio() <= 1)) {
                problems.add("services.tracing.sampleRatio must be between 0 and 1: " + tracing.sampleRatio());
            }
        }
        if (operations == null || operations.cidrs() == null || operations.cidrs().isEmpty()) {
            problems.add("operations.cidrs must name the operators' network (the ops console admits only it)");
        } else {
            for (String cidr : operations.cidrs()) {
                if (Cidr.parse(cidr).prefixLength() == 0) {
                    problems.add("operations.cidrs must not contain " + cidr + " (the whole internet)");
                }
            }
        }
        if (operations == null || operations.certificateArn() == null || !operations.certificateArn().startsWith("arn:")) {
            problems.add("operations.certificateArn (ACM) is required for the ops console's HTTPS listener");
        }
        if (!mail.bouncePrefix().endsWith("/")) {
            problems.add("mail.bouncePrefix must end with /");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid configuration:\n  " + String.join("\n  ", problems));
        }
    }

    /** The same installation with the terminal side changed (used for the alternative set-ups). */
    public SuiteConfig withTerminal(Terminal other) {
        return new SuiteConfig(account, region, inboundRegion, prefix, vpc, other, closedNetwork, member, data,
                services, mail, operations);
    }

    /** The same installation with another closed-network attachment. */
    public SuiteConfig withClosedNetwork(ClosedNetwork other) {
        return new SuiteConfig(account, region, inboundRegion, prefix, vpc, terminal, other, member, data,
                services, mail, operations);
    }

    /** The same installation with another operators' side. */
    public SuiteConfig withOperations(Operations other) {
        return new SuiteConfig(account, region, inboundRegion, prefix, vpc, terminal, closedNetwork, member, data,
                services, mail, other);
    }

    /** The same installation with other service settings. */
    public SuiteConfig withServices(Services other) {
        return new SuiteConfig(account, region, inboundRegion, prefix, vpc, terminal, closedNetwork, member, data,
                other, mail, operations);
    }
}
