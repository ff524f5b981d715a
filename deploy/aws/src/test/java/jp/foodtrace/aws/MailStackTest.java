package jp.foodtrace.aws;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static jp.foodtrace.aws.SynthesizedSuite.CONFIG;
import static jp.foodtrace.aws.SynthesizedSuite.list;
import static jp.foodtrace.aws.SynthesizedSuite.map;
import static jp.foodtrace.aws.SynthesizedSuite.only;
import static jp.foodtrace.aws.SynthesizedSuite.properties;
import static jp.foodtrace.aws.SynthesizedSuite.referencedId;
import static jp.foodtrace.aws.SynthesizedSuite.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailStackTest {

    static SynthesizedSuite suite;
    static Map<String, Object> mail;
    static Map<String, Object> inbound;

    @BeforeAll
    static void synthesize() {
        suite = SynthesizedSuite.example();
        mail = suite.template(suite.stacks.mail());
        inbound = suite.template(suite.stacks.inboundMail());
    }

    /** Record name to its values, per record type. */
    static Map<String, Object> records(Map<String, Object> template, String type) {
        return resources(template, "AWS::Route53::RecordSet").values().stream()
                .map(SynthesizedSuite::properties)
                .filter(p -> type.equals(p.get("Type")))
                .collect(Collectors.toMap(p -> String.valueOf(p.get("Name")), p -> p.get("ResourceRecords")));
    }

    @Test
    void domainIdentitySignsWithEasyDkimAndUsesTheCustomMailFrom() {
        Map<String, Object> identity = properties(only(resources(mail, "AWS::SES::EmailIdentity")));
        assertEquals(CONFIG.mail().domain(), identity.get("EmailIdentity"));
        assertEquals(true, map(identity.get("DkimAttributes")).get("SigningEnabled"));
        assertEquals("RSA_2048_BIT", map(identity.get("DkimSigningAttributes")).get("NextSigningKeyLength"));
        assertEquals(CONFIG.mail().mailFromDomain(), map(identity.get("MailFromAttributes")).get("MailFromDomain"));
    }

    @Test
    void dnsCarriesDkimSpfDmarcAndTheMailFromMx() {
        Map<String, Object> cnames = records(mail, "CNAME");
        assertEquals(3, cnames.size(), "three Easy DKIM CNAMEs: " + cnames.keySet());
        Map<String, Object> txt = records(mail, "TXT");
        String mailFrom = CONFIG.mail().mailFromDomain() + ".";
        assertTrue(String.valueOf(txt.get(mailFrom)).contains("v=spf1 include:amazonses.com"), txt.toString());
        assertTrue(String.valueOf(txt.get(CONFIG.mail().domain() + ".")).contains("v=spf1 include:amazonses.com"),
                txt.toString());
        String dmarc = String.valueOf(txt.get("_dmarc." + CONFIG.mail().domain() + "."));
        assertTrue(dmarc.contains("v=DMARC1; p=" + CONFIG.mail().dmarcPolicy()), dmarc);
        assertTrue(String.valueOf(records(mail, "MX").get(mailFrom)).contains("feedback-smtp." + CONFIG.region()),
                records(mail, "MX").toString());
    }

    @Test
    void configurationSetSendsBouncesAndComplaintsToBothDestinations() {
        Map<String, Object> set = properties(only(resources(mail, "AWS::SES::ConfigurationSet")));
        assertEquals(CONFIG.prefix() + "-member-mail", set.get("Name"));
        Map<String, Map<String, Object>> destinations = resources(mail, "AWS::SES::ConfigurationSetEventDestination");
        assertEquals(2, destinations.size());
        for (Map<String, Object> destination : destinations.values()) {
            Map<String, Object> p = map(properties(destination).get("EventDestination"));
            List<Object> events = list(p.get("MatchingEventTypes"));
            assertTrue(events.containsAll(List.of("bounce", "complaint")), events.toString());
            assertEquals(true, p.get("Enabled"));
        }
        Set<String> kinds = destinations.values().stream()
                .map(d -> map(properties(d).get("EventDestination")).keySet().stream()
                        .filter(k -> k.endsWith("Destination")).findFirst().orElse(""))
                .collect(Collectors.toSet());
        assertEquals(Set.of("CloudWatchDestination", "SnsDestination"), kinds);
    }

    @Test
    void receiptRuleInTheInboundRegionWritesToTheBucketBounceServiceReads() {
        assertEquals(CONFIG.inboundRegion(), suite.stacks.inboundMail().getRegion());
        Map<String, Object> rule = map(properties(only(resources(inbound, "AWS::SES::ReceiptRule"))).get("Rule"));
        assertEquals(List.of(CONFIG.mail().inboundDomain()), rule.get("Recipients"));
        Map<String, Object> s3 = map(map(list(rule.get("Actions")).get(0)).get("S3Action"));
        String bucketId = referencedId(s3.get("BucketName"));
        Map<String, Object> bucket = properties(resources(inbound, "AWS::S3::Bucket").get(bucketId));
        String bucketName = (String) bucket.get("BucketName");
        assertEquals(CONFIG.mail().bouncePrefix(), s3.get("ObjectKeyPrefix"));

        Map<String, Object> services = suite.template(suite.stacks.services());
        Map<String, Object> env = ServicesStackTest.environment(services, "bounce-service");
        assertEquals(bucketName, env.get("SUITE_BOUNCE_BUCKET"));
        assertEquals(s3.get("ObjectKeyPrefix"), env.get("SUITE_BOUNCE_PREFIX"));
        assertEquals(CONFIG.inboundRegion(), env.get("QUARKUS_S3_AWS_REGION"));
        String taskPolicies = ServicesStackTest.taskRolePolicies(services, "bounce-service");
        assertTrue(taskPolicies.contains("arn:aws:s3:::" + bucketName + "/" + s3.get("ObjectKeyPrefix") + "*"),
                taskPolicies);

        Map<String, Object> mx = records(inbound, "MX");
        assertTrue(String.valueOf(mx.get(CONFIG.mail().inboundDomain() + "."))
                .contains("inbound-smtp." + CONFIG.inboundRegion() + ".amazonaws.com"), mx.toString());
        assertTrue(ServicesStackTest.environment(services, "mail-service").get("SUITE_MAIL_BOUNCE_ADDRESS").toString()
                .endsWith("@" + CONFIG.mail().inboundDomain()));
    }

    @Test
    void bounceBucketPolicyLetsSesOfThisAccountWriteUnderThePrefix() {
        String bucketId = resources(inbound, "AWS::S3::Bucket").keySet().iterator().next();
        Map<String, Object> policy = properties(only(resources(inbound, "AWS::S3::BucketPolicy")));
        assertEquals(bucketId, referencedId(policy.get("Bucket")));
        Map<String, Object> ses = list(map(policy.get("PolicyDocument")).get("Statement")).stream()
                .map(SynthesizedSuite::map)
                .filter(s -> "Allow".equals(s.get("Effect"))
                        && Map.of("Service", "ses.amazonaws.com").equals(s.get("Principal")))
                .findFirst().orElseThrow(() -> new AssertionError("no statement for SES: " + policy));
        assertEquals("s3:PutObject", ses.get("Action"));
        assertTrue(String.valueOf(ses.get("Resource")).contains("/" + CONFIG.mail().bouncePrefix() + "*"), ses.toString());
        assertTrue(String.valueOf(ses.get("Condition")).contains("aws:SourceAccount"), ses.toString());
        // The rule must not be created before SES may write, or its creation check fails.
        Map<String, Object> rule = only(resources(inbound, "AWS::SES::ReceiptRule"));
        String policyId = resources(inbound, "AWS::S3::BucketPolicy").keySet().iterator().next();
        assertTrue(list(rule.get("DependsOn")).contains(policyId));
    }
}
