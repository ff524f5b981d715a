package jp.foodtrace.mail.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ses.model.MessageRejectedException;
import software.amazon.awssdk.services.ses.model.SesException;

class SesMailTransportTest {

    private static SesException ses(int status, String code) {
        return (SesException) SesException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }

    @Test
    void throttlingAndServerErrorsAreRetried() {
        assertTrue(SesMailTransport.isRetriable(ses(400, "Throttling")));
        assertTrue(SesMailTransport.isRetriable(ses(503, "ServiceUnavailable")));
        assertTrue(SesMailTransport.isRetriable(ses(500, "InternalFailure")));
        assertTrue(SesMailTransport.isRetriable(SdkClientException.create("connection refused")));
    }

    @Test
    void rejectionsAndConfigurationErrorsAreFinal() {
        assertFalse(SesMailTransport.isRetriable(MessageRejectedException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("MessageRejected").build()).build()));
        assertFalse(SesMailTransport.isRetriable(ses(400, "ConfigurationSetDoesNotExist")));
        assertFalse(SesMailTransport.isRetriable(ses(403, "AccessDenied")));
    }

    @Test
    void tagValuesKeepOnlyCharactersSesAllows() {
        assertEquals("order-4711_rejected_x", SesMailTransport.tagValue("order-4711.rejected:x"));
    }
}
