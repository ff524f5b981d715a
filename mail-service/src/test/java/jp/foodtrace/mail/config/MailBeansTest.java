package jp.foodtrace.mail.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import jp.foodtrace.mail.transport.client.SesMailTransport;
import jp.foodtrace.mail.transport.client.SmtpMailTransport;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.SesClientBuilder;

class MailBeansTest {

    private static MailConfig config(Map<String, String> properties) {
        SmallRyeConfig config = new SmallRyeConfigBuilder()
                .withMapping(MailConfig.class)
                .withSources(new PropertiesConfigSource(properties, "test", 100))
                .build();
        return config.getConfigMapping(MailConfig.class);
    }

    @Test
    void transportIsChosenByConfiguration() {
        MailBeans beans = new MailBeans();
        SesMailTransport ses = new SesMailTransport(null, "member-mail");
        SmtpMailTransport smtp = new SmtpMailTransport("127.0.0.1", 25, 1000, "bounces@mail.foodtrace.jp");
        Map<String, String> key = Map.of("suite.mail.unsubscribe.key", "k".repeat(32));
        assertSame(ses, beans.activeTransport(config(key), ses, smtp));
        Map<String, String> smtpChosen = Map.of("suite.mail.unsubscribe.key", "k".repeat(32), "suite.mail.transport", "smtp");
        assertSame(smtp, beans.activeTransport(config(smtpChosen), ses, smtp));
    }

    @Test
    void defaultsMatchTheSesAccountAndTheDocumentedLeases() {
        MailConfig config = config(Map.of("suite.mail.unsubscribe.key", "k".repeat(32)));
        assertEquals(14, config.rate().maxPerSecond());
        assertEquals(1, config.rate().burst());
        assertEquals(Duration.ofMinutes(1), config.dispatch().claimLease());
        assertEquals(Duration.ofMinutes(5), config.dispatch().sendingLease());
        assertEquals(Duration.ofDays(60), config.unsubscribe().validity());
        assertEquals(3.5, new MailBeans().sendRateLimiter(config(Map.of("suite.mail.unsubscribe.key", "k".repeat(32),
                "suite.mail.rate.instances", "4"))).permitsPerSecond(), 1e-9);
    }

    @Test
    void sesClientMakesOneAttemptPerCallAndKeepsTheExtensionsOverrides() {
        SesClientBuilder builder = SesClient.builder().overrideConfiguration(
                ClientOverrideConfiguration.builder().apiCallTimeout(Duration.ofSeconds(7)).build());
        ClientOverrideConfiguration override = MailBeans.withoutSdkRetries(builder).overrideConfiguration();
        assertEquals(1, override.retryStrategy().orElseThrow().maxAttempts());
        assertEquals(Duration.ofSeconds(7), override.apiCallTimeout().orElseThrow());
    }
}
