package jp.foodtrace.aws;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static jp.foodtrace.aws.SynthesizedSuite.map;
import static jp.foodtrace.aws.SynthesizedSuite.only;
import static jp.foodtrace.aws.SynthesizedSuite.properties;
import static jp.foodtrace.aws.SynthesizedSuite.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataStackTest {

    static SynthesizedSuite suite;
    static Map<String, Object> data;

    @BeforeAll
    static void synthesize() {
        suite = SynthesizedSuite.example();
        data = suite.template(suite.stacks.data());
    }

    @Test
    void kafkaRequiresScramOverTlsAndEncryptsAtRest() {
        Map<String, Object> kafka = properties(only(resources(data, "AWS::MSK::Cluster")));
        Map<String, Object> auth = map(kafka.get("ClientAuthentication"));
        assertEquals(false, map(auth.get("Unauthenticated")).get("Enabled"));
        assertEquals(true, map(map(auth.get("Sasl")).get("Scram")).get("Enabled"));
        Map<String, Object> encryption = map(kafka.get("EncryptionInfo"));
        assertEquals("TLS", map(encryption.get("EncryptionInTransit")).get("ClientBroker"));
        assertNotNull(map(encryption.get("EncryptionAtRest")).get("DataVolumeKMSKeyId"));
        assertEquals(0, ((Number) kafka.get("NumberOfBrokerNodes")).intValue() % 2, "brokers spread over both zones");
        String server = String.valueOf(properties(only(resources(data, "AWS::MSK::Configuration"))).get("ServerProperties"));
        assertTrue(server.contains("auto.create.topics.enable=false"), server);
        // MSK takes SCRAM users only from secrets named AmazonMSK_* under a customer-managed key.
        String secretId = SynthesizedSuite.referencedId(SynthesizedSuite.list(
                properties(only(resources(data, "AWS::MSK::BatchScramSecret"))).get("SecretArnList")).get(0));
        Map<String, Object> secret = properties(resources(data, "AWS::SecretsManager::Secret").get(secretId));
        assertTrue(String.valueOf(secret.get("Name")).startsWith("AmazonMSK_"), secret.toString());
        assertNotNull(secret.get("KmsKeyId"));
    }

    @Test
    void postgresIsEncryptedMultiAzPrivateAndProtected() {
        Map<String, Object> db = only(resources(data, "AWS::RDS::DBInstance"));
        Map<String, Object> p = properties(db);
        assertEquals(true, p.get("StorageEncrypted"));
        assertEquals(true, p.get("MultiAZ"));
        assertEquals(true, p.get("DeletionProtection"));
        assertEquals(false, p.getOrDefault("PubliclyAccessible", false));
        assertEquals("postgres", p.get("Engine"));
        assertEquals("Snapshot", db.get("DeletionPolicy"));
        assertTrue(String.valueOf(p.get("MasterUserPassword")).contains("resolve:secretsmanager"),
                "admin password from Secrets Manager");
    }

    @Test
    void dataSecurityGroupsAdmitNothingOfTheirOwn() {
        // Their only ingress rules are the per-service ones declared with the services.
        assertTrue(SecurityGroupRules.ingress(data).isEmpty(), SecurityGroupRules.ingress(data).toString());
    }
}
