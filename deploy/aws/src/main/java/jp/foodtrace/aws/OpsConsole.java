package jp.foodtrace.aws;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jp.foodtrace.platform.SuiteService;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.services.ec2.IVpc;
import software.amazon.awscdk.services.ec2.Peer;
import software.amazon.awscdk.services.ec2.Port;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.ecr.assets.Platform;
import software.amazon.awscdk.services.ecs.AssetImageProps;
import software.amazon.awscdk.services.ecs.AwsLogDriverProps;
import software.amazon.awscdk.services.ecs.Cluster;
import software.amazon.awscdk.services.ecs.ContainerDefinitionOptions;
import software.amazon.awscdk.services.ecs.ContainerImage;
import software.amazon.awscdk.services.ecs.DeploymentCircuitBreaker;
import software.amazon.awscdk.services.ecs.FargateService;
import software.amazon.awscdk.services.ecs.FargateTaskDefinition;
import software.amazon.awscdk.services.ecs.LogDriver;
import software.amazon.awscdk.services.ecs.PortMapping;
import software.amazon.awscdk.services.ecs.Secret;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationLoadBalancer;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationProtocol;
import software.amazon.awscdk.services.elasticloadbalancingv2.ApplicationTargetGroup;
import software.amazon.awscdk.services.elasticloadbalancingv2.BaseApplicationListenerProps;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerAction;
import software.amazon.awscdk.services.elasticloadbalancingv2.ListenerCertificate;
import software.amazon.awscdk.services.elasticloadbalancingv2.SslPolicy;
import software.amazon.awscdk.services.logs.LogGroup;
import software.amazon.awscdk.services.logs.RetentionDays;
import software.constructs.Construct;

/**
 * The ops console on Fargate, for the operators only. It is not a target of the member ALB (the
 * internet, behind WAF): an internal ALB in the app subnets, whose security group admits only
 * {@code operations.cidrs} on HTTPS, forwards to it. It reads the services' ops and admin APIs
 * at their Cloud Map names with the generated tokens, and Kafka (lag, dead letters, replay) with
 * the suite's SCRAM login; it owns no data, so it has no database login. One task: the page is
 * read by a few people, and a console that is down takes no service with it.
 */
final class OpsConsole extends Construct {

    /** The console's module (build context of its image) and container name. */
    static final String MODULE = "ops-console";
    /** The port the operators open (TLS ends at the internal ALB). */
    static final int LISTENER_PORT = 443;
    /** The services whose APIs a panel reads, by the variable that names their base URL. */
    static final Map<String, SuiteService> SERVICE_URLS = Map.of(
            "SUITE_CONSOLE_GATEWAY_URL", SuiteService.TERMINAL_GATEWAY,
            "SUITE_CONSOLE_ORDER_URL", SuiteService.ORDER_SERVICE,
            "SUITE_CONSOLE_SYNC_URL", SuiteService.SYNC_SERVICE,
            "SUITE_CONSOLE_BOUNCE_URL", SuiteService.BOUNCE_SERVICE);

    private final SecurityGroup taskGroup;
    private final SecurityGroup loadBalancerGroup;
    private final ApplicationLoadBalancer loadBalancer;
    private final FargateService service;

    /**
     * @param environment the Kafka settings every task gets (bootstrap servers, SASL)
     * @param secrets     the tokens and the Kafka login, as ECS secrets
     * @param namespace   the Cloud Map namespace the services register in
     */
    OpsConsole(Construct scope, String id, SuiteConfig config, IVpc vpc, Cluster cluster,
            Map<String, String> environment, Map<String, Secret> secrets, String namespace) {
        super(scope, id);
        loadBalancerGroup = SecurityGroup.Builder.create(this, "LoadBalancerSg")
                .vpc(vpc)
                .description("ops console internal ALB: the operators' network only")
                .allowAllOutbound(false)
                .build();
        for (String cidr : config.operations().cidrs()) {
            loadBalancerGroup.addIngressRule(Peer.ipv4(cidr), Port.tcp(LISTENER_PORT), "operators");
        }
        taskGroup = SecurityGroup.Builder.create(this, "TaskSg")
                .vpc(vpc)
                .description(MODULE + " tasks")
                .build();
        // Attaching to the target group (below) opens the API port between the ALB and the tasks;
        // the health-check port is opened here, and nothing else.
        // (Between two groups: separate egress and ingress resources, no reference cycle.)
        loadBalancerGroup.getConnections().allowTo(taskGroup, Port.tcp(ServicesStack.MANAGEMENT_PORT),
                "health checks of the console tasks");

        FargateTaskDefinition task = FargateTaskDefinition.Builder.create(this, "Task")
                .cpu(256)
                .memoryLimitMiB(512)
                .build();
        Map<String, String> env = new HashMap<>(environment);
        SERVICE_URLS.forEach((variable, target) -> env.put(variable,
                "http://" + target.module() + "." + namespace + ":" + ServicesStack.CONTAINER_PORT));
        task.addContainer(MODULE, ContainerDefinitionOptions.builder()
                .image(ContainerImage.fromAsset(ServicesStack.moduleDirectory(MODULE).toString(),
                        AssetImageProps.builder()
                                .file(ServicesStack.DOCKERFILE)
                                .platform(Platform.LINUX_AMD64)
                                .build()))
                .portMappings(List.of(
                        PortMapping.builder().name("http").containerPort(ServicesStack.CONTAINER_PORT).build(),
                        PortMapping.builder().name("management").containerPort(ServicesStack.MANAGEMENT_PORT).build()))
                .environment(env)
                .secrets(secrets)
                .logging(LogDriver.awsLogs(AwsLogDriverProps.builder()
                        .streamPrefix(MODULE)
                        .logGroup(LogGroup.Builder.create(this, "Logs")
                                .retention(RetentionDays.THREE_MONTHS).build())
                        .build()))
                .build());
        service = FargateService.Builder.create(this, "Service")
                .serviceName(MODULE)
                .cluster(cluster)
                .taskDefinition(task)
                .desiredCount(1)
                .vpcSubnets(NetworkStack.group(NetworkStack.APP_SUBNETS))
                .securityGroups(List.of(taskGroup))
                .assignPublicIp(false)
                .circuitBreaker(DeploymentCircuitBreaker.builder().rollback(true).build())
                .minHealthyPercent(0)
                .healthCheckGracePeriod(Duration.seconds(60))
                .build();

        loadBalancer = ApplicationLoadBalancer.Builder.create(this, "InternalAlb")
                .vpc(vpc)
                .internetFacing(false)
                .vpcSubnets(NetworkStack.group(NetworkStack.APP_SUBNETS))
                .securityGroup(loadBalancerGroup)
                .dropInvalidHeaderFields(true)
                .build();
        ApplicationTargetGroup targets = ServicesStack.serviceTargets(this, "Targets", vpc);
        // open(false): the listener adds no 0.0.0.0/0 rule; the group above decides who may connect.
        loadBalancer.addListener("Https", BaseApplicationListenerProps.builder()
                .port(LISTENER_PORT).protocol(ApplicationProtocol.HTTPS).open(false)
                .certificates(List.of(ListenerCertificate.fromArn(config.operations().certificateArn())))
                .sslPolicy(SslPolicy.RECOMMENDED_TLS)
                .defaultAction(ListenerAction.forward(List.of(targets)))
                .build());
        service.attachToApplicationTargetGroup(targets);
    }

    SecurityGroup taskGroup() {
        return taskGroup;
    }

    SecurityGroup loadBalancerGroup() {
        return loadBalancerGroup;
    }

    ApplicationLoadBalancer loadBalancer() {
        return loadBalancer;
    }

    FargateService service() {
        return service;
    }
}
