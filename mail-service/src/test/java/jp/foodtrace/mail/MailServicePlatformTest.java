package jp.foodtrace.mail;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasKey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jp.foodtrace.mail.messaging.Channels;
import jp.foodtrace.messaging.Topics;
import jp.foodtrace.messaging.events.MailRequested;
import jp.foodtrace.testsupport.Management;
import jp.foodtrace.testsupport.PlatformContract;
import jp.foodtrace.testsupport.SuitePlatformResource;

/** Mail service on the real platform: the platform contract, its API paths, and its outcome producer. */
@QuarkusTest
@WithTestResource(value = SuitePlatformResource.class, initArgs = {
        @ResourceArg(name = "service", value = "mail-service"),
        @ResourceArg(name = "parts", value = "KAFKA,SES,SMTP") })
class MailServicePlatformTest implements PlatformContract {

    @Override
    public String openApiTitle() {
        return "Mail service API";
    }

    @Override
    public Map<String, String> incomingChannels() {
        return Map.of(Channels.MAIL_REQUESTS, Topics.MAIL_REQUESTS, Channels.MAIL_BOUNCES, Topics.MAIL_BOUNCES);
    }

    /** An account notice to a recipient of its own, so the mail it sends disturbs no other test. */
    @Override
    public SampleEvent sampleEvent() {
        return new SampleEvent(Topics.MAIL_REQUESTS, "K1", MailRequested.class.getSimpleName(),
                MailTestSupport.accountNoticeJson("redelivery-" + UUID.randomUUID(),
                        MailTestSupport.uniqueRecipient("redelivery")));
    }

    @Test
    void openApiDescribesTheRequestAndUnsubscribePaths() {
        Management.given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .body("paths", hasKey("/v1/mail/requests"))
                .body("paths", hasKey("/v1/mail/requests/{requestId}"))
                .body("paths", hasKey("/v1/mail/bounces"))
                .body("paths", hasKey("/v1/unsubscribe/{token}"));
    }

    @Test
    void outcomesGoToTheArchitectureTopicDurablyAndWithoutProducerDuplicates() {
        Config config = ConfigProvider.getConfig();
        String outgoing = "mp.messaging.outgoing." + Channels.MAIL_EVENTS;
        assertEquals(Topics.MAIL_EVENTS, config.getValue(outgoing + ".topic", String.class));
        assertEquals("all", config.getValue(outgoing + ".acks", String.class));
        assertEquals("true", config.getValue(outgoing + ".enable.idempotence", String.class));
    }
}
