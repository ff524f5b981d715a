package jp.foodtrace.mail.config;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import jp.foodtrace.mail.request.service.RetryPolicy;
import jp.foodtrace.mail.request.service.SendRateLimiter;
import jp.foodtrace.mail.template.service.MimeComposer;
import jp.foodtrace.mail.transport.client.MailTransport;
import jp.foodtrace.mail.transport.client.SesMailTransport;
import jp.foodtrace.mail.transport.client.SmtpMailTransport;
import jp.foodtrace.mail.unsubscribe.service.UnsubscribeTokens;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.SesClientBuilder;

/**
 * Builds the plain (framework-free) parts of the service from {@link MailConfig}, so that they
 * stay unit-testable and usable by the benchmark without CDI.
 */
public class MailBeans {

    @Produces
    @Singleton
    UnsubscribeTokens unsubscribeTokens(MailConfig config) {
        return new UnsubscribeTokens(config.unsubscribe().key(), config.unsubscribe().validity(), Clock.systemUTC());
    }

    @Produces
    @Singleton
    SendRateLimiter sendRateLimiter(MailConfig config) {
        return SendRateLimiter.forInstance(config.rate().maxPerSecond(), config.rate().instances(), config.rate().burst());
    }

    @Produces
    @Singleton
    RetryPolicy retryPolicy(MailConfig config) {
        return new RetryPolicy(config.retry().maxAttempts(), config.retry().initialBackoff(), config.retry().maxBackoff(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    @Produces
    @Singleton
    MimeComposer mimeComposer(MailConfig config) {
        return new MimeComposer(config.fromAddress(), config.fromName());
    }

    /**
     * The SES client, built from the extension's configured builder (endpoint, region, credentials,
     * {@code quarkus.ses.sync-client.*} timeouts) but without the SDK's own retries: the SDK retries
     * I/O errors too, and a retried {@code SendRawEmail} whose first attempt reached SES sends the
     * mail twice. The dispatcher retries what the transport classified as certainly not sent.
     */
    @Produces
    @Singleton
    SesClient sesClient(SesClientBuilder builder) {
        return withoutSdkRetries(builder).build();
    }

    void closeSesClient(@Disposes SesClient ses) {
        ses.close();
    }

    @Produces
    @Singleton
    @Typed(SesMailTransport.class)
    SesMailTransport sesTransport(SesClient ses, MailConfig config) {
        return new SesMailTransport(ses, config.ses().configurationSet());
    }

    /** The builder with {@link AwsRetryStrategy#doNotRetry()}, keeping any other override the extension set. */
    static SesClientBuilder withoutSdkRetries(SesClientBuilder builder) {
        ClientOverrideConfiguration current = builder.overrideConfiguration();
        ClientOverrideConfiguration.Builder override = current == null ? ClientOverrideConfiguration.builder()
                : current.toBuilder();
        return builder.overrideConfiguration(override.retryStrategy(AwsRetryStrategy.doNotRetry()).build());
    }

    @Produces
    @Singleton
    @Typed(SmtpMailTransport.class)
    SmtpMailTransport smtpTransport(MailConfig config) {
        return new SmtpMailTransport(config.smtp().host(), config.smtp().port(),
                (int) config.smtp().timeout().toMillis(), config.bounceAddress());
    }

    /** The transport the dispatcher uses, chosen by {@code suite.mail.transport}. */
    @Produces
    @Singleton
    @Typed(MailTransport.class)
    MailTransport activeTransport(MailConfig config, SesMailTransport ses, SmtpMailTransport smtp) {
        return switch (config.transport()) {
            case SES -> ses;
            case SMTP -> smtp;
        };
    }
}
