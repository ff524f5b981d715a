package jp.foodtrace.aws;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static jp.foodtrace.aws.SynthesizedSuite.CONFIG;
import static jp.foodtrace.aws.SynthesizedSuite.list;
import static jp.foodtrace.aws.SynthesizedSuite.map;
import static jp.foodtrace.aws.SynthesizedSuite.only;
import static jp.foodtrace.aws.SynthesizedSuite.onlyId;
import static jp.foodtrace.aws.SynthesizedSuite.properties;
import static jp.foodtrace.aws.SynthesizedSuite.referencedId;
import static jp.foodtrace.aws.SynthesizedSuite.resources;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MemberEdgeStackTest {

    static Map<String, Object> member;

    @BeforeAll
    static void synthesize() {
        SynthesizedSuite suite = SynthesizedSuite.example();
        member = suite.template(suite.stacks.member());
    }

    @Test
    void webAclIsAssociatedWithTheMemberAlb() {
        String alb = onlyId(resources(member, "AWS::ElasticLoadBalancingV2::LoadBalancer"));
        String acl = onlyId(resources(member, "AWS::WAFv2::WebACL"));
        Map<String, Object> association = properties(only(resources(member, "AWS::WAFv2::WebACLAssociation")));
        assertEquals(alb, referencedId(association.get("ResourceArn")));
        assertEquals(acl, referencedId(association.get("WebACLArn")));
        assertEquals("internet-facing", properties(resources(member, "AWS::ElasticLoadBalancingV2::LoadBalancer")
                .get(alb)).get("Scheme"));
    }

    @Test
    void webAclLetsHqThroughThenAppliesTheManagedGroupsAndTheRateRule() {
        Map<String, Object> acl = properties(only(resources(member, "AWS::WAFv2::WebACL")));
        assertEquals("REGIONAL", acl.get("Scope"));
        List<Map<String, Object>> rules = new ArrayList<>();
        list(acl.get("Rules")).forEach(rule -> rules.add(map(rule)));
        rules.sort((a, b) -> ((Number) a.get("Priority")).intValue() - ((Number) b.get("Priority")).intValue());

        Map<String, Object> first = rules.get(0);
        assertTrue(map(first.get("Action")).containsKey("Allow"), "HQ rule allows: " + first);
        String ipSet = referencedId(map(map(first.get("Statement")).get("IPSetReferenceStatement")).get("Arn"));
        assertEquals(onlyId(resources(member, "AWS::WAFv2::IPSet")), ipSet);
        assertEquals(CONFIG.member().hqAllowList(),
                properties(only(resources(member, "AWS::WAFv2::IPSet"))).get("Addresses"));

        List<Object> managed = rules.stream()
                .map(rule -> map(rule.get("Statement")).get("ManagedRuleGroupStatement"))
                .filter(statement -> statement != null)
                .map(statement -> map(statement).get("VendorName") + ":" + map(statement).get("Name"))
                .map(Object.class::cast)
                .toList();
        assertEquals(List.of("AWS:AWSManagedRulesAmazonIpReputationList", "AWS:AWSManagedRulesCommonRuleSet",
                "AWS:AWSManagedRulesKnownBadInputsRuleSet", "AWS:AWSManagedRulesSQLiRuleSet"), managed);

        Map<String, Object> last = rules.get(rules.size() - 1);
        Map<String, Object> rate = map(map(last.get("Statement")).get("RateBasedStatement"));
        assertEquals(CONFIG.member().rateLimitPer5Minutes(), rate.get("Limit"));
        assertEquals("IP", rate.get("AggregateKeyType"));
        assertTrue(map(last.get("Action")).containsKey("Block"));
        assertEquals(6, rules.size(), "HQ allow, four managed groups, rate rule");
    }

    @Test
    void onlyHttpsServesTheSiteWithTheConfiguredCertificate() {
        for (Map<String, Object> listener : resources(member, "AWS::ElasticLoadBalancingV2::Listener").values()) {
            Map<String, Object> p = properties(listener);
            Map<String, Object> action = map(list(p.get("DefaultActions")).get(0));
            if ("HTTPS".equals(p.get("Protocol"))) {
                assertEquals(CONFIG.member().certificateArn(), map(list(p.get("Certificates")).get(0)).get("CertificateArn"));
                assertEquals("fixed-response", action.get("Type"));
            } else {
                assertEquals("redirect", action.get("Type"), "plain HTTP only redirects: " + p);
                assertEquals("HTTPS", map(action.get("RedirectConfig")).get("Protocol"));
            }
        }
    }

    @Test
    void wafLogsGoToAnAwsWafLogsBucketThatIsPrivateAndEncrypted() {
        Map<String, Object> logging = properties(only(resources(member, "AWS::WAFv2::LoggingConfiguration")));
        String bucketId = referencedId(list(logging.get("LogDestinationConfigs")).get(0));
        Map<String, Object> bucket = properties(resources(member, "AWS::S3::Bucket").get(bucketId));
        assertTrue(((String) bucket.get("BucketName")).startsWith("aws-waf-logs-"), bucket.toString());
        StorageTest.assertPrivateAndEncrypted(bucketId, bucket);
    }

    @Test
    void glueTableReadsTheWafLogsWithPartitionProjection() {
        Map<String, Object> table = map(properties(only(resources(member, "AWS::Glue::Table"))).get("TableInput"));
        Map<String, Object> parameters = map(table.get("Parameters"));
        assertEquals("true", parameters.get("projection.enabled"));
        assertEquals("date", parameters.get("projection.log_time.type"));
        String template = String.valueOf(parameters.get("storage.location.template"));
        assertTrue(template.contains("/WAFLogs/" + CONFIG.region() + "/" + CONFIG.prefix() + "-member/"), template);
        assertTrue(template.contains("${log_time}"), template);
        assertEquals("log_time", map(list(table.get("PartitionKeys")).get(0)).get("Name"));
    }

    @Test
    void savedQueriesMakeTheSecurityReport() {
        Map<String, Map<String, Object>> queries = resources(member, "AWS::Athena::NamedQuery");
        List<String> names = queries.values().stream().map(q -> (String) properties(q).get("Name")).sorted().toList();
        assertEquals(List.of("hits-per-rule", "per-day-counts", "top-blocked-ips"), names);
        for (Map<String, Object> query : queries.values()) {
            String sql = (String) properties(query).get("QueryString");
            assertTrue(sql.contains("\"" + MemberEdgeStack.WAF_LOG_TABLE + "\""), sql);
            assertTrue(sql.contains("log_time >="), "every query prunes partitions: " + sql);
        }
    }
}
