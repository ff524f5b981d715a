package jp.foodtrace.mail.config;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Singleton;

import jp.foodtrace.mail.client.MailTransport;
import jp.foodtrace.mail.client.SesMailTransport;
import jp.foodtrace.mail.client.SmtpMailTransport;
import jp.foodtrace.mail.service.MimeComposer;
import jp.foodtrace.mail.service.RetryPolicy;
import jp.foodtrace.mail.service.SendRateLimiter;
import jp.foodtrace.mail.service.UnsubscribeTokens;
import software.amazon.awssdk.services.ses.SesClient;

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

    @Produces
    @Singleton
    @Typed(SesMailTransport.class)
    SesMailTransport sesTransport(SesClient ses, MailConfig config) {
        return new SesMailTransport(ses, config.ses().configurationSet());
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
