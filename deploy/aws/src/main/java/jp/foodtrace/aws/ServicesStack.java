package jp.foodtrace.aws;

import jp.foodtrace.messaging.Topics;
import jp.foodtrace.platform.SuiteService;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.applicationautoscaling.EnableScalingProps;
import software.amazon.awscdk.services.ec2.CfnSecurityGroupIngress;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.CloudMapNamespaceOptions;
import software.amazon.awscdk.services.ecs.CloudMapOptions;
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
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.HealthCheck;
import software.amazon.awscdk.services.elasticloadbalancingv2.TargetType;
import software.amazon.awscdk.services.iam.PolicyStatement;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.amazon.awscdk.services.secretsmanager.ISecret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.amazon.awscdk.services.servicediscovery.DnsRecordType;
import software.constructs.Construct;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The five services on ECS Fargate in the app subnets, one security group each. Every service
 * serves its API on {@link #CONTAINER_PORT} and health and metrics on {@link #MANAGEMENT_PORT}
 * (never behind a listener; the load balancers only health-check it). Images are built from each
 * service's {@code src/main/docker/Dockerfile.jvm} as CDK assets. Configuration is given as Quarkus
 * environment variables and every credential comes from Secrets Manager: the database logins of
 * the data stack and the tokens and keys generated here. A service scales on CPU up to the
 * partition count of the busiest topic it consumes: more consumers than partitions would sit idle.
 * The services register in a private DNS namespace, by which the ops console ({@link OpsConsole},
 * one task behind an internal load balancer for the operators' network only) reads their APIs.
 */
public final class ServicesStack extends Stack {

    /** HTTP port of every service container (locally 8081-8085, one port per service). */
    public static final int CONTAINER_PORT = 8080;
    /** Management interface of every service container: /q/health/*, /q/metrics. */
    public static final int MANAGEMENT_PORT = 9080;
    /** The Dockerfile of every service, relative to its module directory. */
    public static final String DOCKERFILE = "src/main/docker/Dockerfile.jvm";
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

    private final String namespace;
    private final OpsConsole opsConsole;
    private final Map<SuiteService, FargateService> services = new EnumMap<>(SuiteService.class);
    private final Map<SuiteService, SecurityGroup> securityGroups = new EnumMap<>(SuiteService.class);
    private final Map<String, software.amazon.awscdk.services.secretsmanager.Secret> generatedSecrets =
            new java.util.LinkedHashMap<>();

    public ServicesStack(Construct scope, String id, StackProps props, SuiteConfig config, NetworkStack network,
            DataStack data, TerminalStack terminals, MemberEdgeStack member, MailStack mail) {
        super(scope, id, props);
        // Private DNS names <module>.<namespace> for the services: the ops console calls their APIs by name.
        namespace = config.prefix() + ".internal";
        Cluster cluster = Cluster.Builder.create(this, "Cluster")
                .vpc(network.vpc())
                .containerInsightsV2(ContainerInsights.ENABLED)
                .defaultCloudMapNamespace(CloudMapNamespaceOptions.builder()
                        .name(namespace)
                        .vpc(network.vpc())
                        .build())
                .build();
        // Imported by ARN: granting through the owned secret would write the task roles into the
        // key policy of the data stack, which is deployed first. The key trusts IAM policies instead.
        ISecret kafkaSecret = software.amazon.awscdk.services.secretsmanager.Secret.fromSecretCompleteArn(
                this, "KafkaCredentials", data.kafkaSecret().getSecretArn());
        // Tokens and keys nobody types: generated once, read by the tasks as ECS secrets.
        var gatewayAdminToken = generated(config, "GatewayAdminToken", "gateway-admin-token",
                "terminal-gateway admin API bearer token");
        var syncAdminToken = generated(config, "SyncAdminToken", "sync-admin-token",
                "sync-service admin API bearer token");
        var opsToken = generated(config, "OpsToken", "ops-token",
                "bearer token of the ops endpoints of order-service, mail-service and bounce-service"
                        + " and of the ops console");
        var unsubscribeKey = generated(config, "MailUnsubscribeKey", "mail-unsubscribe-key",
                "mail-service key that signs one-click unsubscribe links");
        Map<String, String> kafkaEnvironment = kafkaEnvironment(data);
        Map<SuiteService, Map<String, Secret>> appSecrets = new EnumMap<>(SuiteService.class);
        appSecrets.put(SuiteService.TERMINAL_GATEWAY, Map.of(
                "SUITE_GATEWAY_ADMIN_TOKEN", Secret.fromSecretsManager(gatewayAdminToken)));
        appSecrets.put(SuiteService.SYNC_SERVICE, Map.of(
                "SUITE_SYNC_ADMIN_TOKEN", Secret.fromSecretsManager(syncAdminToken)));
        appSecrets.put(SuiteService.ORDER_SERVICE, Map.of(
                "SUITE_OPS_TOKEN", Secret.fromSecretsManager(opsToken)));
        appSecrets.put(SuiteService.MAIL_SERVICE, Map.of(
                "SUITE_OPS_TOKEN", Secret.fromSecretsManager(opsToken),
                "SUITE_MAIL_UNSUBSCRIBE_KEY", Secret.fromSecretsManager(unsubscribeKey)));
        appSecrets.put(SuiteService.BOUNCE_SERVICE, Map.of(
                "SUITE_OPS_TOKEN", Secret.fromSecretsManager(opsToken)));
        for (SuiteService service : SuiteService.values()) {
            SecurityGroup group = SecurityGroup.Builder.create(this, "Sg-" + service.module())
                    .vpc(network.vpc())
                    .description(service.module() + " tasks")
                    .build();
            securityGroups.put(service, group);
            ingress("DbFrom-" + service.module(), data.databaseSecurityGroup(), group, 5432);
            ingress("KafkaFrom-" + service.module(), data.kafkaSecurityGroup(), group, DataStack.KAFKA_SCRAM_PORT);
            FargateService fargate = service(config, data, kafkaSecret, cluster, service, group,
                    environment(config, service, mail, kafkaEnvironment), appSecrets.get(service));
            fargate.getTaskDefinition().obtainExecutionRole().addToPrincipalPolicy(PolicyStatement.Builder.create()
                    .actions(List.of("kms:Decrypt")).resources(List.of(data.kafkaKey().getKeyArn())).build());
            services.put(service, fargate);
        }

        // Terminals reach terminal-gateway only through the NLB, whose own group admits only their ranges.
        ingress("GatewayFromNlb", securityGroups.get(SuiteService.TERMINAL_GATEWAY),
                terminals.loadBalancerSecurityGroup(), CONTAINER_PORT);
        ingress("GatewayHealthFromNlb", securityGroups.get(SuiteService.TERMINAL_GATEWAY),
                terminals.loadBalancerSecurityGroup(), MANAGEMENT_PORT);
        services.get(SuiteService.TERMINAL_GATEWAY).attachToNetworkTargetGroup(terminals.gatewayTargets());

        // Attaching to an ALB target group also opens the task group to the ALB's group (and back)
        // on the traffic port; the health-check port is opened here.
        services.get(SuiteService.SYNC_SERVICE).attachToApplicationTargetGroup(member.traceTargets());
        services.get(SuiteService.MAIL_SERVICE).attachToApplicationTargetGroup(member.unsubscribeTargets());
        ingress("SyncHealthFromAlb", securityGroups.get(SuiteService.SYNC_SERVICE),
                member.loadBalancerSecurityGroup(), MANAGEMENT_PORT);
        ingress("MailHealthFromAlb", securityGroups.get(SuiteService.MAIL_SERVICE),
                member.loadBalancerSecurityGroup(), MANAGEMENT_PORT);

        FargateService bounce = services.get(SuiteService.BOUNCE_SERVICE);
        String bucketArn = "arn:aws:s3:::" + config.mail().bounceBucketName();
        bounce.getTaskDefinition().addToTaskRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:ListBucket")).resources(List.of(bucketArn)).build());
        // Read and remove what arrives under the prefix; write the analysed and the quarantined copies.
        bounce.getTaskDefinition().addToTaskRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:GetObject", "s3:GetObjectVersion", "s3:DeleteObject"))
                .resources(List.of(bucketArn + "/" + config.mail().bouncePrefix() + "*")).build());
        bounce.getTaskDefinition().addToTaskRolePolicy(PolicyStatement.Builder.create()
                .actions(List.of("s3:PutObject"))
                .resources(List.of(bucketArn + "/" + BOUNCE_PROCESSED_PREFIX + "*",
                        bucketArn + "/" + BOUNCE_QUARANTINE_PREFIX + "*")).build());
        // The ops console: internal ALB for the operators' network, the services' APIs by name.
        Map<String, Secret> consoleSecrets = new HashMap<>();
        consoleSecrets.put("SUITE_OPS_TOKEN", Secret.fromSecretsManager(opsToken));
        consoleSecrets.put("SUITE_GATEWAY_ADMIN_TOKEN", Secret.fromSecretsManager(gatewayAdminToken));
        consoleSecrets.put("SUITE_SYNC_ADMIN_TOKEN", Secret.fromSecretsManager(syncAdminToken));
        consoleSecrets.put("KAFKA_SASL_USERNAME", Secret.fromSecretsManager(kafkaSecret, "username"));
        consoleSecrets.put("KAFKA_SASL_PASSWORD", Secret.fromSecretsManager(kafkaSecret, "password"));
        Map<String, String> consoleEnvironment = new HashMap<>(commonEnvironment(config));
        consoleEnvironment.putAll(kafkaEnvironment);
        opsConsole = new OpsConsole(this, "OpsConsole", config, network.vpc(), cluster, consoleEnvironment,
                consoleSecrets, namespace);
        ingress("KafkaFrom-" + OpsConsole.MODULE, data.kafkaSecurityGroup(), opsConsole.taskGroup(),
                DataStack.KAFKA_SCRAM_PORT);
        opsConsole.service().getTaskDefinition().obtainExecutionRole().addToPrincipalPolicy(
                PolicyStatement.Builder.create().actions(List.of("kms:Decrypt"))
                        .resources(List.of(data.kafkaKey().getKeyArn())).build());
        for (SuiteService read : OpsConsole.SERVICE_URLS.values()) {
            ingress("ApiFromOpsConsole-" + read.module(), securityGroups.get(read), opsConsole.taskGroup(),
                    CONTAINER_PORT);
        }

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

    /** Where bounce-service copies an analysed object, and one it cannot analyse. */
    public static final String BOUNCE_PROCESSED_PREFIX = "processed/";
    public static final String BOUNCE_QUARANTINE_PREFIX = "quarantine/";

    /** A secret Secrets Manager generates, named {@code <prefix>/app/<name>}. */
    private software.amazon.awscdk.services.secretsmanager.Secret generated(SuiteConfig config, String id,
            String name, String description) {
        var secret = software.amazon.awscdk.services.secretsmanager.Secret.Builder.create(this, id)
                .secretName(config.prefix() + "/app/" + name)
                .description(description)
                .generateSecretString(SecretStringGenerator.builder()
                        .passwordLength(48)
                        .excludePunctuation(true)
                        .build())
                .build();
        generatedSecrets.put(name, secret);
        return secret;
    }

    /**
     * A target group of a service's tasks: HTTP to the API port, health checked on the management
     * port, which no listener forwards to.
     */
    static ApplicationTargetGroup serviceTargets(Construct scope, String id, IVpc vpc) {
        return ApplicationTargetGroup.Builder.create(scope, id)
                .vpc(vpc)
                .targetType(TargetType.IP)
                .protocol(ApplicationProtocol.HTTP)
                .port(CONTAINER_PORT)
                .healthCheck(HealthCheck.builder()
                        .path(READINESS_PATH)
                        .port(String.valueOf(MANAGEMENT_PORT))
                        .build())
                .build();
    }

    /** What every task of the suite gets: the production profile, the ports, the region, span export. */
    private static Map<String, String> commonEnvironment(SuiteConfig config) {
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_PROFILE", "prod");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(CONTAINER_PORT));
        env.put("QUARKUS_MANAGEMENT_PORT", String.valueOf(MANAGEMENT_PORT));
        env.put("AWS_REGION", config.region());
        SuiteConfig.Tracing tracing = config.services().tracing();
        if (tracing != null) {
            env.put("QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT", tracing.otlpEndpoint());
            env.put("SUITE_TRACES_SAMPLE_RATIO", String.valueOf(tracing.sampleRatio()));
        }
        return env;
    }

    /** MSK over TLS with the SCRAM login, whose user and password come as ECS secrets. */
    private static Map<String, String> kafkaEnvironment(DataStack data) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", data.kafkaBootstrapServers());
        env.put("KAFKA_SECURITY_PROTOCOL", "SASL_SSL");
        env.put("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512");
        env.put("KAFKA_SASL_JAAS_CONFIG", "org.apache.kafka.common.security.scram.ScramLoginModule required "
                + "username=\"${KAFKA_SASL_USERNAME}\" password=\"${KAFKA_SASL_PASSWORD}\";");
        return env;
    }

    /** Quarkus settings by environment variable, per service. */
    private static Map<String, String> environment(SuiteConfig config, SuiteService service, MailStack mail,
            Map<String, String> kafka) {
        Map<String, String> env = commonEnvironment(config);
        env.putAll(kafka);
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
                // SES of the region, no endpoint override, the task role's credentials.
                env.put("QUARKUS_SES_AWS_REGION", config.region());
                env.put("QUARKUS_SES_AWS_CREDENTIALS_TYPE", "default");
                env.put("SUITE_MAIL_SES_CONFIGURATION_SET", mail.configurationSetName());
                env.put("SUITE_MAIL_BOUNCE_ADDRESS", mail.returnPath());
                env.put("SUITE_MAIL_UNSUBSCRIBE_BASE_URL", "https://" + config.member().domainName());
            }
            case BOUNCE_SERVICE -> {
                // The bucket lives in the inbound region; S3 of that region, no endpoint override.
                env.put("QUARKUS_S3_AWS_REGION", config.inboundRegion());
                env.put("QUARKUS_S3_PATH_STYLE_ACCESS", "false");
                env.put("QUARKUS_S3_CHECKSUM_VALIDATION", "true");
                env.put("QUARKUS_S3_AWS_CREDENTIALS_TYPE", "default");
                env.put("SUITE_BOUNCE_BUCKET", config.mail().bounceBucketName());
                env.put("SUITE_BOUNCE_PREFIX", config.mail().bouncePrefix());
                env.put("SUITE_BOUNCE_PROCESSED_PREFIX", BOUNCE_PROCESSED_PREFIX);
                env.put("SUITE_BOUNCE_QUARANTINE_PREFIX", BOUNCE_QUARANTINE_PREFIX);
                // SES bounce and complaint notifications come from the mail stack's topic only.
                env.put("SUITE_BOUNCE_SNS_TOPIC_ARN", mail.eventsTopicArn());
            }
            default -> {
            }
        }
        return env;
    }

    private FargateService service(SuiteConfig config, DataStack data, ISecret kafkaSecret, Cluster cluster,
            SuiteService service, SecurityGroup group, Map<String, String> environment,
            Map<String, Secret> serviceSecrets) {
        String module = service.module();
        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "Task-" + module)
                .cpu(config.services().cpu())
                .memoryLimitMiB(config.services().memoryMiB())
                .build();
        Map<String, String> env = new HashMap<>(environment);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://" + data.database().getDbInstanceEndpointAddress()
                + ":" + data.database().getDbInstanceEndpointPort() + "/" + DataStack.DATABASE
                + "?currentSchema=" + service.schema() + "&sslmode=require");
        Map<String, Secret> secrets = new HashMap<>(serviceSecrets);
        secrets.put("QUARKUS_DATASOURCE_USERNAME", Secret.fromSecretsManager(data.databaseSecret(service), "username"));
        secrets.put("QUARKUS_DATASOURCE_PASSWORD", Secret.fromSecretsManager(data.databaseSecret(service), "password"));
        secrets.put("KAFKA_SASL_USERNAME", Secret.fromSecretsManager(kafkaSecret, "username"));
        secrets.put("KAFKA_SASL_PASSWORD", Secret.fromSecretsManager(kafkaSecret, "password"));
        // The first mapping is the one the load balancers forward to; 9080 is health-checked only.
        task.addContainer(module, ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromAsset(moduleDirectory(service).toString(), AssetImageProps.builder()
                        .file(DOCKERFILE)
                        .platform(Platform.LINUX_AMD64)
                        .build()))
                .portMappings(List.of(
                        PortMapping.builder().name("http").containerPort(CONTAINER_PORT).build(),
                        PortMapping.builder().name("management").containerPort(MANAGEMENT_PORT).build()))
                .environment(env)
                .secrets(secrets)
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
                .cloudMapOptions(CloudMapOptions.builder()
                        .name(module)
                        .dnsRecordType(DnsRecordType.A)
                        .dnsTtl(Duration.seconds(10))
                        .build())
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

    /**
     * The service's module directory in this checkout (the image's build context): found from the
     * working directory, which is {@code deploy/aws} for {@code cdk} and for the tests.
     */
    static Path moduleDirectory(SuiteService service) {
        return moduleDirectory(service.module());
    }

    /** A module directory (a service's or the ops console's) in this checkout. */
    static Path moduleDirectory(String name) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path module = dir.resolve(name);
            if (Files.isRegularFile(dir.resolve("deploy/aws/cdk.json")) && Files.isDirectory(module)) {
                if (!Files.isRegularFile(module.resolve(DOCKERFILE))) {
                    throw new IllegalStateException("no " + DOCKERFILE + " in " + module);
                }
                return module;
            }
        }
        throw new IllegalStateException("not inside the checkout (no deploy/aws/cdk.json above "
                + Path.of("").toAbsolutePath() + ")");
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

    /** The secrets generated here, by name below {@code <prefix>/app/}. */
    public Map<String, software.amazon.awscdk.services.secretsmanager.Secret> generatedSecrets() {
        return generatedSecrets;
    }

    public SecurityGroup securityGroup(SuiteService service) {
        return securityGroups.get(service);
    }

    /** The ops console: its tasks, their group and the internal load balancer in front of them. */
    OpsConsole opsConsole() {
        return opsConsole;
    }

    /** The private DNS namespace the services are registered in ({@code <module>.<namespace>}). */
    public String namespace() {
        return namespace;
    }
}
