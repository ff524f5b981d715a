package jp.foodtrace.aws;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static jp.foodtrace.aws.SynthesizedSuite.list;
import static jp.foodtrace.aws.SynthesizedSuite.map;
import static jp.foodtrace.aws.SynthesizedSuite.properties;
import static jp.foodtrace.aws.SynthesizedSuite.referencedId;
import static jp.foodtrace.aws.SynthesizedSuite.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StorageTest {

    static SynthesizedSuite suite;

    @BeforeAll
    static void synthesize() {
        suite = SynthesizedSuite.example();
    }

    static void assertPrivateAndEncrypted(String id, Map<String, Object> bucket) {
        Map<String, Object> encryption = map(list(map(bucket.get("BucketEncryption"))
                .get("ServerSideEncryptionConfiguration")).get(0));
        assertNotNull(map(encryption.get("ServerSideEncryptionByDefault")).get("SSEAlgorithm"), id);
        Map<String, Object> block = map(bucket.get("PublicAccessBlockConfiguration"));
        for (String setting : List.of("BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets")) {
            assertEquals(true, block.get(setting), id + " " + setting);
        }
    }

    @Test
    void everyBucketIsEncryptedPrivateAndTlsOnly() {
        int buckets = 0;
        for (Map<String, Object> template : suite.allTemplates()) {
            Map<String, Map<String, Object>> policies = resources(template, "AWS::S3::BucketPolicy");
            for (var bucket : resources(template, "AWS::S3::Bucket").entrySet()) {
                buckets++;
                assertPrivateAndEncrypted(bucket.getKey(), properties(bucket.getValue()));
                boolean denyWithoutTls = policies.values().stream()
                        .filter(policy -> bucket.getKey().equals(referencedId(properties(policy).get("Bucket"))))
                        .flatMap(policy -> list(map(properties(policy).get("PolicyDocument")).get("Statement")).stream())
                        .map(SynthesizedSuite::map)
                        .anyMatch(statement -> "Deny".equals(statement.get("Effect"))
                                && String.valueOf(statement.get("Condition")).contains("aws:SecureTransport"));
                assertTrue(denyWithoutTls, bucket.getKey() + " refuses plain HTTP");
            }
        }
        assertEquals(3, buckets, "WAF logs, Athena results and returned mail, nothing else");
    }

    @Test
    void noBucketPolicyGrantsToEveryone() {
        for (Map<String, Object> template : suite.allTemplates()) {
            for (Map<String, Object> policy : resources(template, "AWS::S3::BucketPolicy").values()) {
                for (Object s : list(map(properties(policy).get("PolicyDocument")).get("Statement"))) {
                    Map<String, Object> statement = map(s);
                    if ("Allow".equals(statement.get("Effect"))) {
                        assertFalse(String.valueOf(statement.get("Principal")).contains("*"), statement.toString());
                    }
                }
            }
        }
    }

    @Test
    void returnedMailIsVersionedAndKept() {
        Map<String, Object> inbound = suite.template(suite.stacks.inboundMail());
        Map<String, Object> bucket = resources(inbound, "AWS::S3::Bucket").values().iterator().next();
        assertEquals("Enabled", map(properties(bucket).get("VersioningConfiguration")).get("Status"));
        assertEquals("Retain", bucket.get("DeletionPolicy"));
    }
}
