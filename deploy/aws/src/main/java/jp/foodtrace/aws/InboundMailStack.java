package jp.foodtrace.aws;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.route53.IPublicHostedZone;
import software.amazon.awscdk.services.route53.MxRecord;
import software.amazon.awscdk.services.route53.MxRecordValue;
import software.amazon.awscdk.services.s3.Bucket;
import software.amazon.awscdk.services.ses.DkimIdentity;
import software.amazon.awscdk.services.ses.EasyDkimSigningKeyLength;
import software.amazon.awscdk.services.ses.EmailIdentity;
import software.amazon.awscdk.services.ses.Identity;
import software.amazon.awscdk.services.ses.ReceiptRuleOptions;
import software.amazon.awscdk.services.ses.ReceiptRuleSet;
import software.amazon.awscdk.services.ses.TlsPolicy;
import software.amazon.awscdk.services.ses.actions.S3;
import software.constructs.Construct;

import java.util.List;

/**
 * Returned mail, in the inbound region (SES has no inbound in Tokyo). SES forwards bounces and
 * complaints to the return path {@code returns@<inboundSubdomain>.<domain>}, whose MX is SES
 * inbound here; the receipt rule stores each message as a raw MIME object in the bounce bucket
 * under the configured prefix, where bounce-service reads it. The bucket is versioned and kept on
 * stack deletion: returned mail is evidence for suppression and must not be lost.
 *
 * <p>CloudFormation cannot make a rule set the active one; the deploy README runs
 * {@code aws ses set-active-receipt-rule-set} once after the first deployment.
 */
public final class InboundMailStack extends Stack {

    private final Bucket bounceBucket;
    private final String ruleSetName;

    public InboundMailStack(Construct scope, String id, StackProps props, SuiteConfig config) {
        super(scope, id, props);
        SuiteConfig.Mail mail = config.mail();
        IPublicHostedZone zone = MailStack.hostedZone(this, mail);

        // Receiving needs the domain verified in this region as well.
        EmailIdentity.Builder.create(this, "Domain")
                .identity(Identity.publicHostedZone(zone))
                .dkimIdentity(DkimIdentity.easyDkim(EasyDkimSigningKeyLength.RSA_2048_BIT))
                .build();
        MxRecord.Builder.create(this, "InboundMx")
                .zone(zone).recordName(mail.inboundDomain() + ".")
                .values(List.of(MxRecordValue.builder()
                        .priority(10).hostName("inbound-smtp." + config.inboundRegion() + ".amazonaws.com").build()))
                .build();

        bounceBucket = Buckets.create(this, "BounceBucket", mail.bounceBucketName(), true, null);
        ruleSetName = config.prefix() + "-inbound";
        ReceiptRuleSet ruleSet = ReceiptRuleSet.Builder.create(this, "InboundRules")
                .receiptRuleSetName(ruleSetName)
                .build();
        ruleSet.addRule("ReturnedMailToS3", ReceiptRuleOptions.builder()
                .receiptRuleName("returned-mail-to-s3")
                .recipients(List.of(mail.inboundDomain()))
                .scanEnabled(true)
                .tlsPolicy(TlsPolicy.REQUIRE)
                .enabled(true)
                .actions(List.of(S3.Builder.create()
                        .bucket(bounceBucket)
                        .objectKeyPrefix(mail.bouncePrefix())
                        .build()))
                .build());
    }

    public Bucket bounceBucket() {
        return bounceBucket;
    }

    public String ruleSetName() {
        return ruleSetName;
    }
}
