package jp.foodtrace.mail.transport.client;

import static jp.foodtrace.mail.transport.client.TransportFailure.Kind.AMBIGUOUS;
import static jp.foodtrace.mail.transport.client.TransportFailure.Kind.PERMANENT;
import static jp.foodtrace.mail.transport.client.TransportFailure.Kind.TRANSIENT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.ses.model.MessageRejectedException;
import software.amazon.awssdk.services.ses.model.SesException;

/** The SES failure table: what each kind of failed call means for the message (README, Ambiguous sends). */
class SesMailTransportTest {

    private static SesException ses(int status, String code) {
        return (SesException) SesException.builder().statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage(code).build()).build();
    }

    /** As the SDK reports an I/O failure of the HTTP client: an SdkClientException with the I/O exception as cause. */
    private static SdkClientException io(Throwable cause) {
        return SdkClientException.builder().message("Unable to execute HTTP request: " + cause.getMessage()).cause(cause)
                .build();
    }

    private static SocketTimeoutException thrownBy(String className, String method) {
        SocketTimeoutException e = new SocketTimeoutException("timed out");
        e.setStackTrace(new StackTraceElement[] { new StackTraceElement(className, method, null, -1),
                new StackTraceElement("sun.net.www.http.HttpClient", "openServer", null, -1) });
        return e;
    }

    @Test
    void throttlingAndServerErrorsAreRetried() {
        assertEquals(TRANSIENT, SesMailTransport.classify(ses(400, "Throttling")));
        assertEquals(TRANSIENT, SesMailTransport.classify(ses(503, "ServiceUnavailable")));
        assertEquals(TRANSIENT, SesMailTransport.classify(ses(500, "InternalFailure")));
    }

    @Test
    void rejectionsAndConfigurationErrorsAreFinal() {
        assertEquals(PERMANENT, SesMailTransport.classify(MessageRejectedException.builder().statusCode(400)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("MessageRejected").build()).build()));
        assertEquals(PERMANENT, SesMailTransport.classify(ses(400, "ConfigurationSetDoesNotExist")));
        assertEquals(PERMANENT, SesMailTransport.classify(ses(403, "AccessDenied")));
    }

    @Test
    void failuresBeforeTheConnectionStoodAreRetried() {
        assertEquals(TRANSIENT, SesMailTransport.classify(io(new ConnectException("Connection refused"))));
        assertEquals(TRANSIENT, SesMailTransport.classify(io(new UnknownHostException("email.ap-northeast-1.amazonaws.com"))));
        assertEquals(TRANSIENT, SesMailTransport.classify(io(thrownBy("java.net.Socket", "connect"))));
        assertEquals(TRANSIENT, SesMailTransport.classify(SdkClientException.create("Unable to load credentials")));
    }

    @Test
    void failuresAfterTheRequestMayHaveReachedSesAreAmbiguous() {
        assertEquals(AMBIGUOUS, SesMailTransport.classify(io(thrownBy("java.net.SocketInputStream", "read"))));
        assertEquals(AMBIGUOUS, SesMailTransport.classify(io(new SocketException("Connection reset"))));
        assertEquals(AMBIGUOUS, SesMailTransport.classify(io(new SocketException("Unexpected end of file from server"))));
        assertEquals(AMBIGUOUS, SesMailTransport.classify(io(new UncheckedIOException(new SocketException("Broken pipe")))));
        assertEquals(AMBIGUOUS, SesMailTransport.classify(ApiCallAttemptTimeoutException.create(1000)));
    }

    @Test
    void tagValuesKeepOnlyCharactersSesAllows() {
        assertEquals("order-4711_rejected_x", SesMailTransport.tagValue("order-4711.rejected:x"));
    }
}
