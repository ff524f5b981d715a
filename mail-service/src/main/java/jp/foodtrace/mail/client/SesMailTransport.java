package jp.foodtrace.mail.client;

import java.util.List;
import java.util.Set;

import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ses.SesClient;
import software.amazon.awssdk.services.ses.model.MessageTag;
import software.amazon.awssdk.services.ses.model.RawMessage;
import software.amazon.awssdk.services.ses.model.SendRawEmailRequest;
import software.amazon.awssdk.services.ses.model.SesException;

/**
 * Sends through the SES API v1 {@code SendRawEmail} (v1 takes any header we compose, including
 * the RFC 8058 ones), with the configuration set and the tags {@code category} and
 * {@code request-id} that SES event publishing carries back.
 */
public final class SesMailTransport implements MailTransport {

    /** SES error codes that mean "not now": the same call may succeed later. */
    private static final Set<String> RETRIABLE_CODES = Set.of("Throttling", "ThrottlingException",
            "ServiceUnavailable", "InternalFailure", "RequestTimeout", "TooManyRequestsException");

    private final SesClient ses;
    private final String configurationSet;

    public SesMailTransport(SesClient ses, String configurationSet) {
        this.ses = ses;
        this.configurationSet = configurationSet;
    }

    @Override
    public String name() {
        return "ses";
    }

    @Override
    public String send(OutgoingMail mail) throws TransportFailure {
        SendRawEmailRequest request = SendRawEmailRequest.builder()
                .rawMessage(RawMessage.builder().data(SdkBytes.fromByteArray(mail.rawMessage())).build())
                .destinations(mail.recipient())
                .configurationSetName(configurationSet)
                .tags(List.of(
                        MessageTag.builder().name("category").value(mail.category().wireName()).build(),
                        MessageTag.builder().name("request-id").value(tagValue(mail.requestId())).build()))
                .build();
        try {
            return ses.sendRawEmail(request).messageId();
        } catch (SdkException e) {
            throw new TransportFailure("SES refused request " + mail.requestId() + ": " + e.getMessage(),
                    isRetriable(e), e);
        }
    }

    /**
     * Throttling (also "Maximum sending rate exceeded", code Throttling), 5xx and client-side
     * I/O failures may pass on a later try; anything else SES said (message rejected, address
     * blacklisted, configuration set missing, account paused) will not.
     */
    static boolean isRetriable(SdkException e) {
        if (e instanceof SesException ses) {
            String code = ses.awsErrorDetails() == null ? null : ses.awsErrorDetails().errorCode();
            return ses.statusCode() >= 500 || ses.isThrottlingException() || (code != null && RETRIABLE_CODES.contains(code));
        }
        return e instanceof SdkClientException || e.retryable();
    }

    /** SES tag values allow letters, digits, '_' and '-' only. */
    static String tagValue(String value) {
        String cleaned = value.replaceAll("[^A-Za-z0-9_-]", "_");
        return cleaned.length() > 256 ? cleaned.substring(0, 256) : cleaned;
    }
}
