package jp.foodtrace.aws;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.athena.CfnNamedQuery;
import software.amazon.awscdk.services.athena.CfnWorkGroup;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.AddApplicationTargetGroupsProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationListener;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.FixedResponseOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCondition;
import software.amazon.awscdk.services.elasticloadbalancingv2.RedirectOptions;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.glue.CfnDatabase;
import software.amazon.awscdk.services.glue.CfnTable;
import software.amazon.awscdk.services.iam.Effect;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.iam.ServicePrincipal;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.wafv2.CfnIPSet;
import software.amazon.awscdk.services.wafv2.CfnLoggingConfiguration;
import software.amazon.awscdk.services.wafv2.CfnWebACL;
import software.amazon.awscdk.services.wafv2.CfnWebACLAssociation;
import software.constructs.Construct;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The member side: an internet-facing ALB (HTTPS only; HTTP redirects) that routes the member
 * site's paths to sync-service (tracing) and mail-service (one-click unsubscribe), protected by a
 * WAF web ACL. WAF logs go to an {@code aws-waf-logs-} bucket; a Glue table with partition
 * projection lets Athena read them without crawlers, and saved queries make the security report.
 */
public final class MemberEdgeStack extends Stack {

    /** Member-site paths and the service behind each; everything else is 404 at the ALB. */
    public static final String TRACE_PATH = "/v1/trace*";
    public static final String UNSUBSCRIBE_PATH = "/v1/unsubscribe*";
    public static final String WAF_LOG_TABLE = "waf_logs";

    /** AWS managed rule groups, in evaluation order after the HQ allow rule. */
    public static final List<String> MANAGED_RULE_GROUPS = List.of(
            "AWSManagedRulesAmazonIpReputationList",
            "AWSManagedRulesCommonRuleSet",
            "AWSManagedRulesKnownBadInputsRuleSet",
            "AWSManagedRulesSQLiRuleSet");

    private final SecurityGroup loadBalancerSecurityGroup;
    private final ApplicationTargetGroup traceTargets;
    private final ApplicationTargetGroup unsubscribeTargets;
    private final String webAclName;
    private final String glueDatabaseName;

    public MemberEdgeStack(Construct scope, String id, StackProps props, SuiteConfig config, NetworkStack network) {
        super(scope, id, props);
        SuiteConfig.Member member = config.member();

        loadBalancerSecurityGroup = SecurityGroup.Builder.create(this, "MemberAlbSecurityGroup")
                .vpc(network.vpc())
                .description("Member ALB: the public member site (HTTPS, HTTP redirect)")
                .allowAllOutbound(false)
                .build();
        loadBalancerSecurityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(443), "member site");
        loadBalancerSecurityGroup.addIngressRule(Peer.anyIpv4(), Port.tcp(80), "redirect to HTTPS");
        loadBalancerSecurityGroup.addEgressRule(Peer.ipv4(config.vpc().cidr()), Port.tcp(ServicesStack.CONTAINER_PORT),
                "to service tasks");
        loadBalancerSecurityGroup.addEgressRule(Peer.ipv4(config.vpc().cidr()), Port.tcp(ServicesStack.MANAGEMENT_PORT),
                "health checks of service tasks");

        ApplicationLoadBalancer alb = ApplicationLoadBalancer.Builder.create(this, "MemberAlb")
                .vpc(network.vpc())
                .internetFacing(true)
                .vpcSubnets(NetworkStack.group(NetworkStack.PUBLIC_SUBNETS))
                .securityGroup(loadBalancerSecurityGroup)
                .dropInvalidHeaderFields(true)
                .deletionProtection(true)
                .build();
        alb.addListener("Http", BaseApplicationListenerProps.builder()
                .port(80).protocol(ApplicationProtocol.HTTP).open(false)
                .defaultAction(ListenerAction.redirect(RedirectOptions.builder()
                        .protocol("HTTPS").port("443").permanent(true).build()))
                .build());
        ApplicationListener https = alb.addListener("Https", BaseApplicationListenerProps.builder()
                .port(443).protocol(ApplicationProtocol.HTTPS).open(false)
                .certificates(List.of(ListenerCertificate.fromArn(member.certificateArn())))
                .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                .defaultAction(ListenerAction.fixedResponse(404, FixedResponseOptions.builder()
                        .contentType("application/problem+json")
                        .messageBody("{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404}")
                        .build()))
                .build());
        traceTargets = targetGroup("TraceTargets", network);
        unsubscribeTargets = targetGroup("UnsubscribeTargets", network);
        https.addTargetGroups("Trace", AddApplicationTargetGroupsProps.builder()
                .priority(10).conditions(List.of(ListenerCondition.pathPatterns(List.of(TRACE_PATH))))
                .targetGroups(List.of(traceTargets)).build());
        https.addTargetGroups("Unsubscribe", AddApplicationTargetGroupsProps.builder()
                .priority(20).conditions(List.of(ListenerCondition.pathPatterns(List.of(UNSUBSCRIBE_PATH))))
                .targetGroups(List.of(unsubscribeTargets)).build());

        webAclName = config.prefix() + "-member";
        CfnIPSet hq = CfnIPSet.Builder.create(this, "HqAllowList")
                .name(config.prefix() + "-hq")
                .scope("REGIONAL")
                .ipAddressVersion("IPV4")
                .addresses(member.hqAllowList())
                .description("HQ addresses let through before any other rule")
                .build();
        List<Object> rules = new ArrayList<>();
        rules.add(CfnWebACL.RuleProperty.builder()
                .name("hq-allow").priority(0)
                .statement(CfnWebACL.StatementProperty.builder()
                        .ipSetReferenceStatement(CfnWebACL.IPSetReferenceStatementProperty.builder()
                                .arn(hq.getAttrArn()).build())
                        .build())
                .action(CfnWebACL.RuleActionProperty.builder().allow(CfnWebACL.AllowActionProperty.builder().build()).build())
                .visibilityConfig(visibility("hq-allow"))
                .build());
        int priority = 1;
        for (String group : MANAGED_RULE_GROUPS) {
            rules.add(CfnWebACL.RuleProperty.builder()
                    .name(group).priority(priority++)
                    .statement(CfnWebACL.StatementProperty.builder()
                            .managedRuleGroupStatement(CfnWebACL.ManagedRuleGroupStatementProperty.builder()
                                    .vendorName("AWS").name(group).build())
                            .build())
                    .overrideAction(CfnWebACL.OverrideActionProperty.builder().none(Map.of()).build())
                    .visibilityConfig(visibility(group))
                    .build());
        }
        rules.add(CfnWebACL.RuleProperty.builder()
                .name("rate-per-ip").priority(priority)
                .statement(CfnWebACL.StatementProperty.builder()
                        .rateBasedStatement(CfnWebACL.RateBasedStatementProperty.builder()
                                .limit(member.rateLimitPer5Minutes())
                                .evaluationWindowSec(300)
                                .aggregateKeyType("IP")
                                .build())
                        .build())
                .action(CfnWebACL.RuleActionProperty.builder().block(CfnWebACL.BlockActionProperty.builder().build()).build())
                .visibilityConfig(visibility("rate-per-ip"))
                .build());
        CfnWebACL acl = CfnWebACL.Builder.create(this, "MemberWebAcl")
                .name(webAclName)
                .scope("REGIONAL")
                .defaultAction(CfnWebACL.DefaultActionProperty.builder().allow(CfnWebACL.AllowActionProperty.builder().build()).build())
                .rules(rules)
                .visibilityConfig(visibility(webAclName))
                .build();
        CfnWebACLAssociation.Builder.create(this, "MemberWebAclOnAlb")
                .resourceArn(alb.getLoadBalancerArn())
                .webAclArn(acl.getAttrArn())
                .build();

        // WAF only delivers to buckets whose name starts with aws-waf-logs-.
        Bucket wafLogs = Buckets.create(this, "WafLogs",
                "aws-waf-logs-" + config.prefix() + "-" + config.account() + "-" + config.region(),
                false, member.wafLogRetentionDays());
        wafLogs.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AWSLogDeliveryWrite").effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("delivery.logs.amazonaws.com")))
                .actions(List.of("s3:PutObject"))
                .resources(List.of(wafLogs.arnForObjects("AWSLogs/" + config.account() + "/*")))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", config.account())))
                .build());
        wafLogs.addToResourcePolicy(PolicyStatement.Builder.create()
                .sid("AWSLogDeliveryAclCheck").effect(Effect.ALLOW)
                .principals(List.of(new ServicePrincipal("delivery.logs.amazonaws.com")))
                .actions(List.of("s3:GetBucketAcl"))
                .resources(List.of(wafLogs.getBucketArn()))
                .conditions(Map.of("StringEquals", Map.of("aws:SourceAccount", config.account())))
                .build());
        CfnLoggingConfiguration logging = CfnLoggingConfiguration.Builder.create(this, "MemberWebAclLogging")
                .resourceArn(acl.getAttrArn())
                .logDestinationConfigs(List.of(wafLogs.getBucketArn()))
                .build();
        logging.getNode().addDependency(wafLogs.getPolicy());

        glueDatabaseName = config.prefix().replace('-', '_') + "_security";
        securityReport(config, wafLogs);
    }

    private ApplicationTargetGroup targetGroup(String id, NetworkStack network) {
        return ServicesStack.serviceTargets(this, id, network.vpc());
    }

    private static CfnWebACL.VisibilityConfigProperty visibility(String metric) {
        return CfnWebACL.VisibilityConfigProperty.builder()
                .cloudWatchMetricsEnabled(true).sampledRequestsEnabled(true)
                .metricName(metric.replaceAll("[^A-Za-z0-9_-]", "-"))
                .build();
    }

    /** Glue table over the WAF logs (partition projection, no crawler) and the saved report queries. */
    private void securityReport(SuiteConfig config, Bucket wafLogs) {
        String logRoot = "s3://" + wafLogs.getBucketName() + "/AWSLogs/" + config.account() + "/WAFLogs/"
                + config.region() + "/" + webAclName + "/";
        CfnDatabase database = CfnDatabase.Builder.create(this, "SecurityDatabase")
                .catalogId(config.account())
                .databaseInput(CfnDatabase.DatabaseInputProperty.builder()
                        .name(glueDatabaseName).description("Security report over the member-side WAF logs").build())
                .build();
        CfnTable table = CfnTable.Builder.create(this, "WafLogTable")
                .catalogId(config.account())
                .databaseName(glueDatabaseName)
                .tableInput(CfnTable.TableInputProperty.builder()
                        .name(WAF_LOG_TABLE)
                        .tableType("EXTERNAL_TABLE")
                        .partitionKeys(List.of(column("log_time", "string")))
                        .parameters(Map.of(
                                "classification", "json",
                                "projection.enabled", "true",
                                "projection.log_time.type", "date",
                                "projection.log_time.format", "yyyy/MM/dd/HH/mm",
                                "projection.log_time.range", "2025/01/01/00/00,NOW",
                                "projection.log_time.interval", "1",
                                "projection.log_time.interval.unit", "minutes",
                                "storage.location.template", logRoot + "${log_time}"))
                        .storageDescriptor(CfnTable.StorageDescriptorProperty.builder()
                                .location(logRoot)
                                .inputFormat("org.apache.hadoop.mapred.TextInputFormat")
                                .outputFormat("org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat")
                                .serdeInfo(CfnTable.SerdeInfoProperty.builder()
                                        .serializationLibrary("org.openx.data.jsonserde.JsonSerDe").build())
                                .columns(List.of(
                                        column("timestamp", "bigint"),
                                        column("formatversion", "int"),
                                        column("webaclid", "string"),
                                        column("terminatingruleid", "string"),
                                        column("terminatingruletype", "string"),
                                        column("action", "string"),
                                        column("httpsourcename", "string"),
                                        column("httpsourceid", "string"),
                                        column("rulegrouplist", "array<struct<rulegroupid:string,terminatingrule:"
                                                + "struct<ruleid:string,action:string>>>"),
                                        column("ratebasedrulelist", "array<struct<ratebasedruleid:string,"
                                                + "limitkey:string,maxrateallowed:int>>"),
                                        column("responsecodesent", "string"),
                                        column("httprequest", "struct<clientip:string,country:string,"
                                                + "headers:array<struct<name:string,value:string>>,uri:string,"
                                                + "args:string,httpversion:string,httpmethod:string,requestid:string>"),
                                        column("labels", "array<struct<name:string>>")))
                                .build())
                        .build())
                .build();
        table.getNode().addDependency(database);

        Bucket results = Buckets.create(this, "AthenaResults", null, false, 30);
        CfnWorkGroup workGroup = CfnWorkGroup.Builder.create(this, "SecurityWorkGroup")
                .name(config.prefix() + "-security")
                .recursiveDeleteOption(true)
                .workGroupConfiguration(CfnWorkGroup.WorkGroupConfigurationProperty.builder()
                        .enforceWorkGroupConfiguration(true)
                        .resultConfiguration(CfnWorkGroup.ResultConfigurationProperty.builder()
                                .outputLocation("s3://" + results.getBucketName() + "/results/")
                                .encryptionConfiguration(CfnWorkGroup.EncryptionConfigurationProperty.builder()
                                        .encryptionOption("SSE_S3").build())
                                .build())
                        .build())
                .build();
        String from = "\"" + glueDatabaseName + "\".\"" + WAF_LOG_TABLE + "\"";
        String lastWeek = "log_time >= date_format(current_date - interval '7' day, '%Y/%m/%d')";
        namedQuery(workGroup, "TopBlockedIps", "top-blocked-ips", "Source addresses blocked most often, last 7 days",
                "SELECT httprequest.clientip AS client_ip, httprequest.country AS country, count(*) AS blocked\n"
                        + "FROM " + from + "\nWHERE action = 'BLOCK' AND " + lastWeek + "\n"
                        + "GROUP BY 1, 2\nORDER BY blocked DESC\nLIMIT 50");
        namedQuery(workGroup, "HitsPerRule", "hits-per-rule", "Requests per terminating rule and action, last 7 days",
                "SELECT coalesce(rg.terminatingrule.ruleid, terminatingruleid) AS rule, terminatingruleid AS rule_or_group,\n"
                        + "       action, count(*) AS hits\n"
                        + "FROM " + from + "\nLEFT JOIN UNNEST(rulegrouplist) AS t(rg) ON rg.terminatingrule IS NOT NULL\n"
                        + "WHERE " + lastWeek + "\nGROUP BY 1, 2, 3\nORDER BY hits DESC");
        namedQuery(workGroup, "PerDayCounts", "per-day-counts", "Requests per day and action, last 30 days",
                "SELECT substr(log_time, 1, 10) AS day, action, count(*) AS requests\n"
                        + "FROM " + from + "\n"
                        + "WHERE log_time >= date_format(current_date - interval '30' day, '%Y/%m/%d')\n"
                        + "GROUP BY 1, 2\nORDER BY 1, 2");
    }

    private void namedQuery(CfnWorkGroup workGroup, String id, String name, String description, String sql) {
        CfnNamedQuery query = CfnNamedQuery.Builder.create(this, id)
                .name(name).description(description)
                .database(glueDatabaseName).workGroup(workGroup.getName())
                .queryString(sql)
                .build();
        query.getNode().addDependency(workGroup);
    }

    private static CfnTable.ColumnProperty column(String name, String type) {
        return CfnTable.ColumnProperty.builder().name(name).type(type).build();
    }

    public SecurityGroup loadBalancerSecurityGroup() {
        return loadBalancerSecurityGroup;
    }

    public ApplicationTargetGroup traceTargets() {
        return traceTargets;
    }

    public ApplicationTargetGroup unsubscribeTargets() {
        return unsubscribeTargets;
    }

    public String webAclName() {
        return webAclName;
    }
}
