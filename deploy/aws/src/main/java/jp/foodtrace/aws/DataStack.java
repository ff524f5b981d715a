package jp.foodtrace.aws;

import jp.foodtrace.platform.SuiteService;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.RemovalPolicy;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.customresources.AwsCustomResource;
import software.amazon.awscdk.customresources.AwsCustomResourcePolicy;
import software.amazon.awscdk.customresources.AwsSdkCall;
import software.amazon.awscdk.customresources.PhysicalResourceId;
import software.amazon.awscdk.customresources.SdkCallsPolicyOptions;
import software.amazon.awscdk.services.ec2.ISubnet;
import software.amazon.awscdk.services.ec2.InstanceType;
import software.amazon.awscdk.services.ec2.SecurityGroup;
import software.amazon.awscdk.services.kms.Key;
import software.amazon.awscdk.services.msk.CfnBatchScramSecret;
import software.amazon.awscdk.services.msk.CfnCluster;
import software.amazon.awscdk.services.msk.CfnConfiguration;
import software.amazon.awscdk.services.rds.Credentials;
import software.amazon.awscdk.services.rds.DatabaseInstance;
import software.amazon.awscdk.services.rds.DatabaseInstanceEngine;
import software.amazon.awscdk.services.rds.PostgresEngineVersion;
import software.amazon.awscdk.services.rds.PostgresInstanceEngineProps;
import software.amazon.awscdk.services.secretsmanager.Secret;
import software.amazon.awscdk.services.secretsmanager.SecretStringGenerator;
import software.constructs.Construct;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Amazon MSK (SASL/SCRAM over TLS, encrypted at rest with a customer key) and RDS PostgreSQL
 * (one database {@code suite}, one schema and login role per service, as locally). Every
 * credential is generated into Secrets Manager; nothing secret is in the template.
 */
public final class DataStack extends Stack {

    /** Database name, as in the local platform. */
    public static final String DATABASE = "suite";
    /** MSK SASL/SCRAM over TLS listener. */
    public static final int KAFKA_SCRAM_PORT = 9096;

    private final SecurityGroup kafkaSecurityGroup;
    private final SecurityGroup databaseSecurityGroup;
    private final DatabaseInstance database;
    private final Secret kafkaSecret;
    private final Key kafkaKey;
    private final String kafkaBootstrapServers;
    private final Map<SuiteService, Secret> databaseSecrets = new EnumMap<>(SuiteService.class);

    public DataStack(Construct scope, String id, StackProps props, SuiteConfig config, NetworkStack network) {
        super(scope, id, props);
        SuiteConfig.Data data = config.data();
        List<String> dataSubnets = network.subnetsOf(NetworkStack.DATA_SUBNETS).stream().map(ISubnet::getSubnetId).toList();

        kafkaSecurityGroup = SecurityGroup.Builder.create(this, "KafkaSecurityGroup")
                .vpc(network.vpc()).description("MSK brokers: SASL/SCRAM from the services only")
                .allowAllOutbound(false).build();
        kafkaKey = Key.Builder.create(this, "KafkaKey")
                .description("MSK storage and SCRAM secret").enableKeyRotation(true)
                .removalPolicy(RemovalPolicy.RETAIN).build();
        CfnConfiguration kafkaConfiguration = CfnConfiguration.Builder.create(this, "KafkaConfiguration")
                .name(config.prefix() + "-kafka")
                // Topics are declared (Topics.ALL) and created explicitly; a typo must not create one.
                .serverProperties(String.join("\n",
                        "auto.create.topics.enable=false",
                        "default.replication.factor=3",
                        "min.insync.replicas=2",
                        "unclean.leader.election.enable=false"))
                .build();
        int brokers = 2 * network.vpc().getAvailabilityZones().size();
        CfnCluster kafka = CfnCluster.Builder.create(this, "Kafka")
                .clusterName(config.prefix() + "-kafka")
                .kafkaVersion(data.kafkaVersion())
                .numberOfBrokerNodes(brokers)
                .brokerNodeGroupInfo(CfnCluster.BrokerNodeGroupInfoProperty.builder()
                        .instanceType(data.kafkaBrokerInstanceType())
                        .clientSubnets(dataSubnets)
                        .securityGroups(List.of(kafkaSecurityGroup.getSecurityGroupId()))
                        .storageInfo(CfnCluster.StorageInfoProperty.builder()
                                .ebsStorageInfo(CfnCluster.EBSStorageInfoProperty.builder()
                                        .volumeSize(data.kafkaBrokerStorageGiB()).build())
                                .build())
                        .build())
                .clientAuthentication(CfnCluster.ClientAuthenticationProperty.builder()
                        .sasl(CfnCluster.SaslProperty.builder()
                                .scram(CfnCluster.ScramProperty.builder().enabled(true).build())
                                .build())
                        .unauthenticated(CfnCluster.UnauthenticatedProperty.builder().enabled(false).build())
                        .build())
                .encryptionInfo(CfnCluster.EncryptionInfoProperty.builder()
                        .encryptionAtRest(CfnCluster.EncryptionAtRestProperty.builder()
                                .dataVolumeKmsKeyId(kafkaKey.getKeyArn()).build())
                        .encryptionInTransit(CfnCluster.EncryptionInTransitProperty.builder()
                                .clientBroker("TLS").inCluster(true).build())
                        .build())
                .configurationInfo(CfnCluster.ConfigurationInfoProperty.builder()
                        .arn(kafkaConfiguration.getAttrArn()).revision(1).build())
                .enhancedMonitoring("PER_TOPIC_PER_PARTITION")
                .build();
        // MSK only accepts SCRAM secrets named AmazonMSK_* and encrypted with a customer key.
        kafkaSecret = Secret.Builder.create(this, "KafkaCredentials")
                .secretName("AmazonMSK_" + config.prefix() + "_services")
                .encryptionKey(kafkaKey)
                .generateSecretString(generated("suite"))
                .build();
        CfnBatchScramSecret.Builder.create(this, "KafkaScram")
                .clusterArn(kafka.getAttrArn())
                .secretArnList(List.of(kafkaSecret.getSecretArn()))
                .build();
        // CloudFormation has no attribute for the bootstrap string; ask the MSK API at deploy time.
        AwsCustomResource bootstrap = AwsCustomResource.Builder.create(this, "KafkaBootstrap")
                .onUpdate(AwsSdkCall.builder()
                        .service("Kafka").action("getBootstrapBrokers")
                        .parameters(Map.of("ClusterArn", kafka.getAttrArn()))
                        .physicalResourceId(PhysicalResourceId.of(kafka.getAttrArn()))
                        .build())
                .policy(AwsCustomResourcePolicy.fromSdkCalls(SdkCallsPolicyOptions.builder()
                        .resources(List.of(kafka.getAttrArn())).build()))
                .installLatestAwsSdk(false)
                .build();
        kafkaBootstrapServers = bootstrap.getResponseField("BootstrapBrokerStringSaslScram");

        databaseSecurityGroup = SecurityGroup.Builder.create(this, "DatabaseSecurityGroup")
                .vpc(network.vpc()).description("PostgreSQL: from the services only")
                .allowAllOutbound(false).build();
        database = DatabaseInstance.Builder.create(this, "Database")
                .engine(DatabaseInstanceEngine.postgres(PostgresInstanceEngineProps.builder()
                        .version(PostgresEngineVersion.of(data.postgresVersion(), data.postgresVersion().split("\\.")[0]))
                        .build()))
                .instanceType(new InstanceType(data.postgresInstanceType()))
                .vpc(network.vpc())
                .vpcSubnets(NetworkStack.group(NetworkStack.DATA_SUBNETS))
                .securityGroups(List.of(databaseSecurityGroup))
                .databaseName(DATABASE)
                .credentials(Credentials.fromGeneratedSecret("suite_admin"))
                .allocatedStorage(data.postgresStorageGiB())
                .storageEncrypted(true)
                .multiAz(true)
                .backupRetention(Duration.days(14))
                .deletionProtection(true)
                .removalPolicy(RemovalPolicy.SNAPSHOT)
                .build();
        // One login role per service, owner of its schema only (created by the schema set-up task).
        for (SuiteService service : SuiteService.values()) {
            databaseSecrets.put(service, Secret.Builder.create(this, "Db-" + service.module())
                    .secretName(config.prefix() + "/db/" + service.module())
                    .description("PostgreSQL login of " + service.module())
                    .generateSecretString(generated(service.schema()))
                    .build());
        }
    }

    private static SecretStringGenerator generated(String username) {
        return SecretStringGenerator.builder()
                .secretStringTemplate("{\"username\":\"" + username + "\"}")
                .generateStringKey("password")
                .excludePunctuation(true)
                .passwordLength(32)
                .build();
    }

    public SecurityGroup kafkaSecurityGroup() {
        return kafkaSecurityGroup;
    }

    public SecurityGroup databaseSecurityGroup() {
        return databaseSecurityGroup;
    }

    public DatabaseInstance database() {
        return database;
    }

    public Key kafkaKey() {
        return kafkaKey;
    }

    public Secret kafkaSecret() {
        return kafkaSecret;
    }

    public String kafkaBootstrapServers() {
        return kafkaBootstrapServers;
    }

    public Secret databaseSecret(SuiteService service) {
        return databaseSecrets.get(service);
    }
}
