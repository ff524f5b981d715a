package jp.foodtrace.aws;

import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.route53.IPublicHostedZone;
import software.amazon.awscdk.services.route53.PublicHostedZone;
import software.amazon.awscdk.services.route53.PublicHostedZoneAttributes;
import software.amazon.awscdk.services.route53.TxtRecord;
import software.amazon.awscdk.services.ses.CloudWatchDimension;
import software.amazon.awscdk.services.ses.CloudWatchDimensionSource;
import software.amazon.awscdk.services.ses.ConfigurationSet;
import software.amazon.awscdk.services.ses.ConfigurationSetEventDestinationOptions;
import software.amazon.awscdk.services.ses.ConfigurationSetTlsPolicy;
import software.amazon.awscdk.services.ses.DkimIdentity;
import software.amazon.awscdk.services.ses.EasyDkimSigningKeyLength;
import software.amazon.awscdk.services.ses.EmailIdentity;
import software.amazon.awscdk.services.ses.EmailSendingEvent;
import software.amazon.awscdk.services.ses.EventDestination;
import software.amazon.awscdk.services.ses.Identity;
import software.amazon.awscdk.services.ses.MailFromBehaviorOnMxFailure;
import software.amazon.awscdk.services.ses.SuppressionReasons;
import software.amazon.awscdk.services.sns.Topic;
import software.constructs.Construct;

import java.util.List;

/**
 * Sending mail in the suite's region: the domain identity with Easy DKIM (CNAMEs written into the
 * hosted zone), a custom MAIL FROM domain (its MX and SPF written too) so that SPF aligns with the
 * From domain, the DMARC policy, and the configuration set every message is sent with. Its event
 * destinations feed the bounce and complaint rates: CloudWatch metrics per mail kind and an SNS
 * topic for delivery events.
 */
public final class MailStack extends Stack {

    private final String configurationSetName;
    private final String identityArn;
    private final String configurationSetArn;
    private final String returnPath;
    private final String eventsTopicArn;

    public MailStack(Construct scope, String id, StackProps props, SuiteConfig config) {
        super(scope, id, props);
        SuiteConfig.Mail mail = config.mail();
        IPublicHostedZone zone = hostedZone(this, mail);

        configurationSetName = config.prefix() + "-member-mail";
        ConfigurationSet configurationSet = ConfigurationSet.Builder.create(this, "ConfigurationSet")
                .configurationSetName(configurationSetName)
                .reputationMetrics(true)
                .sendingEnabled(true)
                .tlsPolicy(ConfigurationSetTlsPolicy.REQUIRE)
                .suppressionReasons(SuppressionReasons.BOUNCES_AND_COMPLAINTS)
                .build();
        configurationSet.addEventDestination("RatesToCloudWatch", ConfigurationSetEventDestinationOptions.builder()
                .destination(EventDestination.cloudWatchDimensions(List.of(CloudWatchDimension.builder()
                        .name("mail-kind").source(CloudWatchDimensionSource.MESSAGE_TAG).defaultValue("other")
                        .build())))
                .events(List.of(EmailSendingEvent.SEND, EmailSendingEvent.DELIVERY, EmailSendingEvent.BOUNCE,
                        EmailSendingEvent.COMPLAINT, EmailSendingEvent.REJECT))
                .build());
        Topic events = Topic.Builder.create(this, "MailEvents")
                .topicName(config.prefix() + "-mail-events")
                .enforceSsl(true)
                .build();
        eventsTopicArn = events.getTopicArn();
        configurationSet.addEventDestination("EventsToSns", ConfigurationSetEventDestinationOptions.builder()
                .destination(EventDestination.snsTopic(events))
                .events(List.of(EmailSendingEvent.BOUNCE, EmailSendingEvent.COMPLAINT, EmailSendingEvent.DELIVERY,
                        EmailSendingEvent.DELIVERY_DELAY, EmailSendingEvent.REJECT, EmailSendingEvent.RENDERING_FAILURE))
                .build());

        EmailIdentity.Builder.create(this, "Domain")
                .identity(Identity.publicHostedZone(zone))
                .dkimIdentity(DkimIdentity.easyDkim(EasyDkimSigningKeyLength.RSA_2048_BIT))
                .dkimSigning(true)
                .mailFromDomain(mail.mailFromDomain())
                .mailFromBehaviorOnMxFailure(MailFromBehaviorOnMxFailure.REJECT_MESSAGE)
                .feedbackForwarding(true)
                .configurationSet(configurationSet)
                .build();
        identityArn = "arn:aws:ses:" + config.region() + ":" + config.account() + ":identity/" + mail.domain();
        configurationSetArn = "arn:aws:ses:" + config.region() + ":" + config.account() + ":configuration-set/"
                + configurationSetName;

        // SPF of the From domain itself, for any receiver that checks it besides MAIL FROM.
        TxtRecord.Builder.create(this, "Spf")
                .zone(zone).recordName(mail.domain() + ".")
                .values(List.of("v=spf1 include:amazonses.com -all"))
                .build();
        TxtRecord.Builder.create(this, "Dmarc")
                .zone(zone).recordName("_dmarc." + mail.domain() + ".")
                .values(List.of(dmarc(mail)))
                .build();
        // Bounces are forwarded by SES to this address, whose MX is SES inbound in the inbound region.
        returnPath = "returns@" + mail.inboundDomain();
    }

    static IPublicHostedZone hostedZone(Construct scope, SuiteConfig.Mail mail) {
        return PublicHostedZone.fromPublicHostedZoneAttributes(scope, "Zone", PublicHostedZoneAttributes.builder()
                .hostedZoneId(mail.hostedZoneId()).zoneName(mail.domain()).build());
    }

    /** Strict DKIM alignment (SES signs with the From domain), relaxed SPF (MAIL FROM is a subdomain). */
    static String dmarc(SuiteConfig.Mail mail) {
        return "v=DMARC1; p=" + mail.dmarcPolicy() + "; adkim=s; aspf=r; rua=mailto:" + mail.dmarcReportAddress();
    }

    public String configurationSetName() {
        return configurationSetName;
    }

    public String identityArn() {
        return identityArn;
    }

    public String configurationSetArn() {
        return configurationSetArn;
    }

    /** The SNS topic of the configuration set's delivery events (bounces and complaints among them). */
    public String eventsTopicArn() {
        return eventsTopicArn;
    }

    public String returnPath() {
        return returnPath;
    }
}
