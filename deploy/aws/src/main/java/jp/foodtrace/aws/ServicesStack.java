package jp.foodtrace.aws;

import jp.foodtrace.messaging.Topics;
import jp.foodtrace.platform.SuiteService;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ec2.CfnSecurityGroupIngress;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.ContainerInsights;
import software.amazon.awscdk.services.ecs.CpuUtilizationScalingProps;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.ScalableTaskCount;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.constructs.Construct;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The five services on ECS Fargate in the app subnets, one security group each. Every service
 * listens on {@link #CONTAINER_PORT}; configuration is given as Quarkus environment variables and
 * every credential comes from Secrets Manager. A service scales on CPU up to the partition count
 * of the busiest topic it consumes: more consumers than partitions would sit idle.
 */
public final class ServicesStack extends Stack {

    /** HTTP port of every service container (locally 8081-8085, one port per service). */
    public static final int CONTAINER_PORT = 8080;
    public static final String READINESS_PATH = "/q/health/ready";
    public static final String LIVENESS_PATH = "/q/health/live";

    /** Topics each service consumes; their partition counts bound its task count. */
    public static final Map<SuiteService, Set<String>> CONSUMED_TOPICS = Map.of(
            SuiteService.TERMINAL_GATEWAY, Set.of(Topics.ORDERS_STATUS, Topics.MASTER_PRODUCTS, Topics.MASTER_STORES),
            SuiteService.ORDER_SERVICE, Set.of(Topics.TERMINAL_ORDERS, Topics.MASTER_PRODUCTS, Topics.MASTER_STORES,
                    Topics.SHIPMENTS),
            SuiteService.SYNC_SERVICE, Set.of(Topics.ORDERS_ACCEPTED),
            SuiteService.MAIL_SERVICE, Set.of(Topics.MAIL_REQUESTS, Topics.MAIL_BOUNCES),
            SuiteService.BOUNCE_SERVICE, Set.of(Topics.MAIL_EVENTS));

    private final Map<SuiteService, FargateService> services = new EnumMap<>(SuiteService.class);
    private final Map<SuiteService, SecurityGroup> securityGroups = new EnumMap<>(SuiteService.class);

    public ServicesStack(Construct scope, String id, StackProps props, SuiteConfig config, NetworkStack network,
            DataStack data, TerminalStack terminals, MemberEdgeStack member, MailStack mail) {
        super(scope, id, props);
        Cluster cluster = Cluster.Builder.create(this, "Cluster")
                .vpc(network.vpc())
                .containerInsightsV2(ContainerInsights.ENABLED)
                .build();
        // Imported by ARN: granting through the owned secret would write the task roles into the
        // key policy of the data stack, which is deployed first. The key trusts IAM policies instead.
        ISecret kafkaSecret = software.amazon.awscdk.services.secretsmanager.Secret.fromSecretCompleteArn(
                this, "KafkaCredentials", data.kafkaSecret().getSecretArn());
        for (SuiteService service : SuiteService.values()) {
            SecurityGroup group = SecurityGroup.Builder.create(this, "Sg-" + service.module())
                    .vpc(network.vpc())
                    .description(service.module() + " tasks")
                    .build();
            securityGroups.put(service, group);
            ingress("DbFrom-" + service.module(), data.databaseSecurityGroup(), group, 5432);
            ingress("KafkaFrom-" + service.module(), data.kafkaSecurityGroup(), group, DataStack.KAFKA_SCRAM_PORT);
            FargateService fargate = service(config, data, kafkaSecret, cluster, service, group,
                    environment(config, service, mail));
            fargate.getTaskDefinition().obtainExecutionRole().addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("kms:Decrypt")).resources(List.of(data.kafkaKey().getKeyArn())).build());
            services.put(service, fargate);
        }

        // Terminals reach terminal-gateway only through the NLB, whose own group admits only their ranges.
        ingress("GatewayFromNlb", securityGroups.get(SuiteService.TERMINAL_GATEWAY),
                terminals.loadBalancerSecurityGroup(), CONTAINER_PORT);
        services.get(SuiteService.TERMINAL_GATEWAY).attachToNetworkTargetGroup(terminals.gatewayTargets());

        // Attaching to an ALB target group also opens the task group to the ALB's group (and back).
        services.get(SuiteService.SYNC_SERVICE).attachToApplicationTargetGroup(member.traceTargets());
        services.get(SuiteService.MAIL_SERVICE).attachToApplicationTargetGroup(member.unsubscribeTargets());

        FargateService bounce = services.get(SuiteService.BOUNCE_SERVICE);
        String bucketArn = "arn:aws:s3:::" + config.mail().bounceBucketName();
        bounce.getTaskDefinition().addToTaskRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket")).resources(List.of(bucketArn)).build());
        bounce.getTaskDefinition().addToTaskRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject", "s3:GetObjectVersion"))
                .resources(List.of(bucketArn + "/" + config.mail().bouncePrefix() + "*")).build());
        FargateService mailService = services.get(SuiteService.MAIL_SERVICE);
        mailService.getTaskDefinition().addToTaskRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("ses:SendRawEmail", "ses:SendEmail"))
                .resources(List.of(mail.identityArn(), mail.configurationSetArn())).build());
    }

    /**
     * An ingress rule kept in this stack even when the group belongs to another one: the data and
     * load-balancer stacks are deployed first and must not depend on the services.
     */
    private void ingress(String id, SecurityGroup into, SecurityGroup from, int port) {
        CfnSecurityGroupIngress.Builder.create(this, id)
                .groupId(into.getSecurityGroupId())
                .sourceSecurityGroupId(from.getSecurityGroupId())
                .ipProtocol("tcp").fromPort(port).toPort(port)
                .description(id)
                .build();
    }

    /** Quarkus settings by environment variable, per service. */
    private static Map<String, String> environment(SuiteConfig config, SuiteService service, MailStack mail) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(CONTAINER_PORT));
        env.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        env.put("KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"${KAFKA_SASL_USERNAME}\" password=\"${KAFKA_SASL_PASSWORD}\";");
        switch (service) {
            case TERMINAL_GATEWAY -> {
                boolean proxy = config.terminal().clientAddress() == SuiteConfig.ClientAddress.PROXY_PROTOCOL_V2;
                env.put("QUARKUS_HTTP_PROXY_USE_PROXY_PROTOCOL", String.valueOf(proxy));
                if (proxy) {
                    // The NLB connects from its own addresses; only their PROXY headers are believed.
                    env.put("SUITE_GATEWAY_TRUSTED_PROXIES", String.join(",", config.terminal().nlbAddresses().stream()
                            .map(address -> address + "/32").toList()));
                }
            }
            case MAIL_SERVICE -> {
                // application.properties points at the local SES endpoint with static keys; here
                // the regional endpoint and the task role's credentials replace them.
                env.put("QUARKUS_SES_AWS_REGION", config.region());
                env.put("QUARKUS_SES_ENDPOINT_OVERRIDE", "https://email." + config.region() + ".amazonaws.com");
                env.put("QUARKUS_SES_AWS_CREDENTIALS_TYPE", "default");
                env.put("SUITE_MAIL_SES_CONFIGURATION_SET", mail.configurationSetName());
                env.put("SUITE_MAIL_BOUNCE_ADDRESS", mail.returnPath());
                env.put("SUITE_MAIL_UNSUBSCRIBE_BASE_URL", "https://" + config.member().domainName());
            }
            case BOUNCE_SERVICE -> {
                env.put("QUARKUS_S3_AWS_REGION", config.inboundRegion());
                env.put("QUARKUS_S3_ENDPOINT_OVERRIDE", "https://s3." + config.inboundRegion() + ".amazonaws.com");
                env.put("QUARKUS_S3_PATH_STYLE_ACCESS", "false");
                env.put("QUARKUS_S3_CHECKSUM_VALIDATION", "true");
                env.put("QUARKUS_S3_AWS_CREDENTIALS_TYPE", "default");
                env.put("SUITE_BOUNCE_BUCKET", config.mail().bounceBucketName());
                env.put("SUITE_BOUNCE_PREFIX", config.mail().bouncePrefix());
            }
            default -> {
            }
        }
        return env;
    }

    private FargateService service(SuiteConfig config, DataStack data, ISecret kafkaSecret, Cluster cluster,
            SuiteService service, SecurityGroup group, Map<String, String> environment) {
        String module = service.module();
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "Task-" + module)
                .cpu(config.services().cpu())
                .memoryLimitMiB(config.services().memoryMiB())
                .build();
        Map<String, String> env = new HashMap<>(environment);
        env.put("KAFKA_BOOTSTRAP_SERVERS", data.kafkaBootstrapServers());
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + data.database().getDbInstanceEndpointAddress()
                + ":" + data.database().getDbInstanceEndpointPort() + "/" + DataStack.DATABASE
                + "?currentSchema=" + service.schema() + "&sslmode=require");
        task.addContainer(module, ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromRegistry(config.services().imageRepository() + "/" + module + ":"
                        + config.services().imageTag()))
                .portMappings(List.of(PortMapping.builder().containerPort(CONTAINER_PORT).build()))
                .environment(env)
                .secrets(Map.of(
                        "QUARKUS_DATASOURCE_USERNAME", Secret.fromSecretsManager(data.databaseSecret(service), "username"),
                        "QUARKUS_DATASOURCE_PASSWORD", Secret.fromSecretsManager(data.databaseSecret(service), "password"),
                        "KAFKA_SASL_USERNAME", Secret.fromSecretsManager(kafkaSecret, "username"),
                        "KAFKA_SASL_PASSWORD", Secret.fromSecretsManager(kafkaSecret, "password")))
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder()
                        .streamPrefix(module)
                        .logGroup(LogGroup.Builder.create(this, "Logs-" + module)
                                .retention(RetentionDays.THREE_MONTHS).build())
                        .build()))
                .build());
        FargateService fargate = FargateService.Builder.create(this, "Service-" + module)
                .serviceName(module)
                .cluster(cluster)
                .taskDefinition(task)
                .desiredCount(config.services().minTasks())
                .vpcSubnets(NetworkStack.group(NetworkStack.APP_SUBNETS))
                .securityGroups(List.of(group))
                .assignPublicIp(false)
                .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build())
                .minHealthyPercent(100)
                .healthCheckGracePeriod(Duration.seconds(60))
                .build();
        ScalableTaskCount scaling = fargate.autoScaleTaskCount(EnableScalingProps.builder()
                .minCapacity(config.services().minTasks())
                .maxCapacity(maxTasks(service))
                .build());
        scaling.scaleOnCpuUtilization("Cpu", CpuUtilizationScalingProps.builder()
                .targetUtilizationPercent(60)
                .scaleInCooldown(Duration.minutes(5))
                .scaleOutCooldown(Duration.minutes(1))
                .build());
        return fargate;
    }

    /** The partition count of the busiest topic the service consumes. */
    public static int maxTasks(SuiteService service) {
        return Topics.BUSINESS.stream()
                .filter(topic -> CONSUMED_TOPICS.get(service).contains(topic.name()))
                .mapToInt(topic -> topic.partitions())
                .max()
                .orElseThrow();
    }

    public FargateService service(SuiteService service) {
        return services.get(service);
    }

    public SecurityGroup securityGroup(SuiteService service) {
        return securityGroups.get(service);
    }
}
